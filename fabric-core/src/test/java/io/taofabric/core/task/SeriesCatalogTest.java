package io.taofabric.core.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SeriesCatalogTest {
  @Test
  void shouldLoadEachShippedSeriesWithItsFirstAndLastObservation() {
    assertSeries(SeriesCatalog.DAX, 1_860, 1628.75, 5473.72);
    assertSeries(SeriesCatalog.SMI, 1_860, 1678.1, 7676.3);
    assertSeries(SeriesCatalog.CAC, 1_860, 1772.8, 3995);
    assertSeries(SeriesCatalog.FTSE, 1_860, 2443.6, 5455);
    assertSeries(SeriesCatalog.CO2, 468, 315.42, 364.34);
    assertSeries(SeriesCatalog.SUNSPOTS, 3_177, 58, 37);
    assertSeries(SeriesCatalog.AIR_PASSENGERS, 144, 112, 432);
  }

  private static void assertSeries(SeriesCatalog entry, int length, double first, double last) {
    TimeSeries series = entry.load();
    assertEquals(entry.name(), series.name());
    assertEquals(length, series.length());
    assertEquals(first, series.values().get(0));
    assertEquals(last, series.values().last());
  }
}

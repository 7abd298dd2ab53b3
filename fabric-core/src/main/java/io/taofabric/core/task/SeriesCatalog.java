package io.taofabric.core.task;

import io.taofabric.core.model.Doubles;
import java.util.Arrays;
import java.util.List;

/** The real series the forecasting subnet draws from, each a column of a shipped CSV file. */
public enum SeriesCatalog {
  /** Daily closes of the German DAX index, 1991–1998. */
  DAX("eu_stock_markets_daily.csv", "DAX"),
  /** Daily closes of the Swiss SMI index, 1991–1998. */
  SMI("eu_stock_markets_daily.csv", "SMI"),
  /** Daily closes of the French CAC 40 index, 1991–1998. */
  CAC("eu_stock_markets_daily.csv", "CAC"),
  /** Daily closes of the British FTSE 100 index, 1991–1998. */
  FTSE("eu_stock_markets_daily.csv", "FTSE"),
  /** Monthly atmospheric CO2 at Mauna Loa, ppm, 1959–1997. */
  CO2("co2_mauna_loa_monthly.csv", "ppm"),
  /** Monthly mean relative sunspot numbers, 1749–2013. */
  SUNSPOTS("sunspots_monthly.csv", "sunspots"),
  /** Monthly international airline passengers, thousands, 1949–1960. */
  AIR_PASSENGERS("air_passengers_monthly.csv", "passengers");

  private final String fileName;
  private final String column;

  SeriesCatalog(String fileName, String column) {
    this.fileName = fileName;
    this.column = column;
  }

  /** Reads the series from its file: a quoted header line names the columns. */
  public TimeSeries load() {
    List<String> lines = DatasetResources.lines(fileName);
    int index = Arrays.asList(lines.get(0).replace("\"", "").split(",")).indexOf(column);
    if (index < 0) {
      throw new IllegalStateException(fileName + " has no column " + column);
    }
    double[] values = new double[lines.size() - 1];
    for (int i = 1; i < lines.size(); i++) {
      values[i - 1] = DatasetResources.number(lines.get(i).split(",")[index], fileName, i + 1);
    }
    return new TimeSeries(name(), Doubles.of(values));
  }
}

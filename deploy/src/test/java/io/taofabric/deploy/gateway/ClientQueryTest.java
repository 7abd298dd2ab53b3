package io.taofabric.deploy.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.taofabric.core.model.ClassificationQuery;
import io.taofabric.core.model.Doubles;
import io.taofabric.core.model.ForecastQuery;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientQueryTest {
  private static ClientQuery parse(String json) {
    return ClientQuery.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void shouldTellTheTaskByItsFields() {
    assertEquals(new ClientQuery.Forecast(new ForecastQuery(Doubles.of(1, 2.5), 3)), parse("{\"values\": [1, 2.5], \"horizon\": 3}"));
    assertEquals(
        new ClientQuery.Classification(new ClassificationQuery(Doubles.of(0.1, 0.9), 10)), parse("{\"features\": [0.1, 0.9], \"classes\": 10}"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "{\"values\": [1], \"horizon\": 1, \"classes\": 2}",
        "{\"values\": [1], \"horizon\": 0}",
        "{\"values\": [], \"horizon\": 1}",
        "{\"values\": [\"1\"], \"horizon\": 1}",
        "{\"values\": [1], \"horizon\": 1.5}",
        "{\"features\": [1], \"classes\": 1}",
        "{\"values\": [1], \"horizon\": 1, \"why\": 0}",
        "{\"values\": [1], \"values\": [2], \"horizon\": 1}",
        "[1, 2]",
        "{\"values\": [1], \"horizon\": 1} trailing"
      })
  void shouldRefuseWhatIsNoQueryOfEitherTask(String json) {
    assertThrows(IllegalArgumentException.class, () -> parse(json));
  }
}

package io.taofabric.deploy.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WeightsInputTest {
  @Test
  void shouldScaleTheLargestTo65535() {
    assertEquals(new WeightsInput(List.of(1, 2), List.of(65535, 65535)), WeightsInput.of(List.of(1, 2), List.of("0.5", "0.5")));
    assertEquals(new WeightsInput(List.of(4, 7), List.of(32768, 65535)), WeightsInput.of(List.of(4, 7), List.of("1", "2")));
    assertEquals(new WeightsInput(List.of(0, 1, 2), List.of(13107, 26214, 65535)), WeightsInput.of(List.of(0, 1, 2), List.of("0.1", "0.2", "0.5")));
  }

  @Test
  void shouldLeaveOutUidsWhoseWeightRoundsToZero() {
    assertEquals(new WeightsInput(List.of(3), List.of(65535)), WeightsInput.of(List.of(3, 5, 6), List.of("1", "0", "0.000001")));
  }

  @Test
  void shouldKeepTheOrderGiven() {
    assertEquals(new WeightsInput(List.of(9, 2), List.of(65535, 21845)), WeightsInput.of(List.of(9, 2), List.of("3", "1")));
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1,2     | 1        | --uids and --weights must name as many entries, at least one; got 2 and 1",
        "1,1     | 1,1      | UID 1 appears twice in --uids",
        "70000   | 1        | a UID is in [0, 65535], got 70000",
        "-1      | 1        | a UID is in [0, 65535], got -1",
        "1       | -0.5     | a weight is a plain non-negative decimal such as 0.25, got '-0.5'",
        "1       | NaN      | a weight is a plain non-negative decimal such as 0.25, got 'NaN'",
        "1       | 1e3      | a weight is a plain non-negative decimal such as 0.25, got '1e3'",
        "1       | 3000000000 | a weight is at most 2147483647, got 3000000000",
        "1,2     | 0,0.0    | at least one weight must be above 0"
      })
  void shouldRefuseWhatASubnetCouldNotTake(String uids, String weights, String message) {
    List<Integer> uidList = Arrays.stream(uids.split(",")).map(Integer::valueOf).toList();

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> WeightsInput.of(uidList, List.of(weights.split(","))));

    assertEquals(message, e.getMessage());
  }
}

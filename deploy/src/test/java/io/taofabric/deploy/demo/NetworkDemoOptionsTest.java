package io.taofabric.deploy.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.taofabric.deploy.CliRun;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code fabric demo}'s options for the network: each bad one is refused with exit status 2 and one
 * line naming it, before anything starts; the options of one mode are refused in the other.
 */
class NetworkDemoOptionsTest {
  @Nested
  class OutOfRange {
    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "--subnets 0      | --subnets must be from 1 to 8, got 0",
          "--subnets 9      | --subnets must be from 1 to 8, got 9",
          "--miners 0       | --miners must be from 1 to 32, got 0",
          "--miners 33      | --miners must be from 1 to 32, got 33",
          "--validators 0   | --validators must be from 1 to 8, got 0",
          "--validators 9   | --validators must be from 1 to 8, got 9",
          "--epochs 0       | --epochs must be from 1 to 10000, got 0",
          "--epochs -3      | --epochs must be from 1 to 10000, got -3",
          "--miners honest=5 | --miners is a number of miners per subnet (a mix needs --adversarial), got 'honest=5'"
        })
    void shouldRefuseAValueOutOfRange(String options, String message) {
      assertRefused(message, options.split(" "));
    }

    @Test
    void shouldTakeTheLimits() {
      NetworkDemo.Shape largest =
          new NetworkDemo.Shape(
              NetworkDemo.Shape.MAX_SUBNETS, NetworkDemo.Shape.MAX_MINERS, NetworkDemo.Shape.MAX_VALIDATORS, NetworkDemo.Shape.MAX_EPOCHS);
      NetworkDemo.Shape smallest = new NetworkDemo.Shape(1, 1, 1, 1);

      assertEquals(8, largest.subnets());
      assertEquals(1, smallest.epochs());
      assertThrows(IllegalArgumentException.class, () -> new NetworkDemo.Shape(1, 1, 1, 10_001));
    }
  }

  @Nested
  class Modes {
    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "--seed 3                   | --seed needs --adversarial",
          "--subnet forecast          | --subnet needs --adversarial",
          "--no-commit-reveal         | --commit-reveal needs --adversarial",
          "--adversarial --subnets 2  | --subnets is not an option of --adversarial",
          "--adversarial --validators 2 | --validators is not an option of --adversarial",
          "--adversarial --keep-running | --keep-running is not an option of --adversarial",
          "--adversarial --wallet-path w | --wallet-path is not an option of --adversarial"
        })
    void shouldRefuseAnOptionOfTheOtherMode(String options, String message) {
      assertRefused(message, options.split(" "));
    }
  }

  private static void assertRefused(String message, String... options) {
    String[] args = new String[options.length + 1];
    args[0] = "demo";
    System.arraycopy(options, 0, args, 1, options.length);

    CliRun run = CliRun.of(args);

    assertEquals(DemoCommand.BAD_OPTIONS, run.exitCode(), run.out());
    assertEquals("fabric demo: " + message + "\n", run.err());
    assertEquals("", run.out());
  }
}

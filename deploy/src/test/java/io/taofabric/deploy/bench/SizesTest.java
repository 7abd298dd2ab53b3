package io.taofabric.deploy.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

class SizesTest {
  private final CommandSpec spec = new CommandLine(CommandSpec.create()).getCommandSpec();

  @Test
  void sortsAndDropsRepeats() {
    assertEquals(List.of(64, 256, 4096), Sizes.ascending(List.of(4096, 64, 256, 64), 65_536, "--n", spec));
  }

  @Test
  void refusesSizesOutOfRangeNamingTheOption() {
    ParameterException zero =
        assertThrows(ParameterException.class, () -> Sizes.ascending(List.of(64, 0), 65_536, "--n", spec));
    assertTrue(zero.getMessage().startsWith("--n: 0 is out of range"), zero.getMessage());
    assertThrows(ParameterException.class, () -> Sizes.ascending(List.of(200), 100, "--miners", spec));
  }
}

package io.taofabric.deploy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.deploy.CliRun;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What every network command shares: help, --json, and bad options as one line with exit status 2. */
class NetworkCommandsTest {
  private static final String KEY = "abababababababababababababababababababababababababababababababab";

  /** Every network command with what it must offer besides --help and --json. */
  static List<String[]> commands() {
    List<String[]> commands = new ArrayList<>();
    commands.add(new String[] {"wallet create", "--wallet-path --wallet --hotkey --password-file"});
    commands.add(new String[] {"wallet new-hotkey", "--wallet-path --wallet --hotkey"});
    commands.add(new String[] {"wallet list", "--wallet-path"});
    commands.add(new String[] {"wallet balance", "--wallet-path --wallet --gateway"});
    commands.add(new String[] {"wallet transfer", "--wallet --password-file --gateway --to --amount"});
    commands.add(new String[] {"stake add", "--netuid --hotkey --hotkey-address --amount --password-file --gateway"});
    commands.add(new String[] {"stake remove", "--netuid --hotkey --hotkey-address --amount --password-file --gateway"});
    commands.add(new String[] {"stake list", "--wallet --gateway"});
    commands.add(new String[] {"subnet list", "--gateway"});
    commands.add(new String[] {"subnet create", "--wallet --hotkey --password-file --gateway"});
    commands.add(new String[] {"subnet register", "--netuid --wallet --hotkey --password-file --gateway"});
    commands.add(new String[] {"subnet hyperparameters", "--netuid --set --password-file --gateway"});
    commands.add(new String[] {"subnet metagraph", "--netuid --fields --gateway"});
    commands.add(new String[] {"weights commit", "--netuid --uids --weights --wallet --hotkey --gateway"});
    commands.add(new String[] {"weights reveal", "--netuid --commit --wallet --hotkey --gateway"});
    return commands;
  }

  @ParameterizedTest(name = "fabric {0} --help")
  @MethodSource("commands")
  void shouldDescribeEveryOptionOnRequest(String command, String options) {
    CliRun run = CliRun.of((command + " --help").split(" "));

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("Usage: fabric " + command), run.out());
    for (String option : (options + " --json --help").split(" ")) {
      assertTrue(run.out().contains(option), option + " in " + run.out());
    }
  }

  @ParameterizedTest(name = "fabric {0} --bogus")
  @MethodSource("commands")
  void shouldRefuseAnUnknownOptionInOneLine(String command, String options) {
    CliRun run = CliRun.of((command + " --bogus").split(" "));

    assertEquals(2, run.exitCode(), run.err());
    assertEquals("", run.out());
    assertEquals(1, run.err().lines().count(), run.err());
    // picocli names missing required options before an unknown one
    assertTrue(run.err().matches("fabric " + command + ": (Unknown option: '--bogus'|Missing required option).*\\R"), run.err());
    assertTrue(run.err().endsWith(" (see fabric " + command + " --help)\n"), run.err());
  }

  @ParameterizedTest(name = "fabric {0}")
  @ValueSource(strings = {"wallet", "stake", "subnet", "weights"})
  void shouldAskForASubcommandInOneLine(String group) {
    CliRun run = CliRun.of(group);

    assertEquals(2, run.exitCode(), run.err());
    assertEquals("fabric " + group + ": Missing required subcommand (see fabric " + group + " --help)\n", run.err());
    assertTrue(CliRun.of("--help").out().contains(group), group + " in fabric --help");
  }

  @ParameterizedTest(name = "fabric {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "wallet transfer --amount 1                       | Missing required option: '--to=COLDKEY'",
        "wallet transfer --to " + KEY + "                 | Missing required option: '--amount=TAO'",
        "wallet transfer --to abc --amount 1              | Invalid value for option '--to': a key address is 64 lowercase hex characters, got 'abc'",
        "wallet transfer --to " + KEY + " --amount -1     | Invalid value for option '--amount': an amount of TAO is a plain decimal such as 1.5, got '-1'",
        "wallet transfer --to " + KEY + " --amount NaN    | Invalid value for option '--amount': an amount of TAO is a plain decimal such as 1.5, got 'NaN'",
        "wallet transfer --to " + KEY + " --amount 0.0000000001 | Invalid value for option '--amount': an amount of TAO has at most 9 decimal places (1 rao = 0.000000001 TAO), got 0.0000000001",
        "stake add --netuid 1                             | Missing required option: '--amount=TAO'",
        "stake add --netuid x --amount 1                  | Invalid value for option '--netuid': 'x' is not an int",
        "stake remove --amount 1                          | Missing required option: '--netuid=N'",
        "subnet register                                  | Missing required option: '--netuid=N'",
        "subnet metagraph                                 | Missing required option: '--netuid=N'",
        "weights commit --netuid 1 --uids 1               | Missing required option: '--weights=WEIGHT'",
        "weights commit --netuid 1 --uids a --weights 1   | Invalid value for option '--uids' (UID): 'a' is not an int",
        "weights reveal                                   | Missing required option: '--netuid=N'"
      })
  void shouldRefuseMalformedOptionsInOneLine(String args, String message) {
    String[] words = args.strip().split(" +");
    CliRun run = CliRun.of(words);

    assertEquals(2, run.exitCode(), run.err());
    assertEquals("fabric " + words[0] + " " + words[1] + ": " + message + " (see fabric " + words[0] + " " + words[1] + " --help)\n", run.err());
  }

  @ParameterizedTest(name = "fabric {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "stake add --netuid 0 --amount 1          | --netuid must be in [1, 65535], got 0",
        "subnet metagraph --netuid 65536          | --netuid must be in [1, 65535], got 65536",
        "subnet hyperparameters --netuid -1       | --netuid must be in [1, 65535], got -1",
        "subnet list --gateway localhost:7700     | the gateway must be an http(s) URL such as http://127.0.0.1:7700, got 'localhost:7700'",
        "subnet metagraph --netuid 1 --fields uid,rank | unknown field 'rank'; known: uid, hotkey, coldkey, stake, validator_permit, consensus, incentive, dividends, validator_trust, emission, registered_at, last_update, endpoint",
        "subnet hyperparameters --netuid 1 --set tempo | --set takes NAME=VALUE, got 'tempo'",
        "weights commit --netuid 1 --uids 1,2 --weights 1 | --uids and --weights must name as many entries, at least one; got 2 and 1"
      })
  void shouldRefuseValuesTheCommandChecksInOneLineBeforeAnyKeyIsRead(String args, String message) {
    String[] words = args.strip().split(" +");
    CliRun run = TestCli.run(words);

    assertEquals(2, run.exitCode(), run.err());
    assertEquals("fabric " + words[0] + " " + words[1] + ": " + message + "\n", run.err());
  }
}

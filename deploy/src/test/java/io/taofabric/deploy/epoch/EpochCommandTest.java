package io.taofabric.deploy.epoch;

import io.taofabric.deploy.CliRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EpochCommandTest {
  private static final String GOOD_CASE =
      "{\"block\": 10, \"rao\": 1000, \"stake\": [5, 0], \"weights\": [[[1, 65535]], []],"
          + " \"last_update\": [9, 0], \"block_at_registration\": [1, 1], \"validator_permit\": [true, false]}";

  private static void assertMalformed(CliRun run, String expectedFragment) {
    assertEquals(EpochCommand.MALFORMED_INPUT, run.exitCode(), run.err());
    assertEquals("", run.out(), "nothing on stdout");
    String err = run.err().strip();
    assertFalse(err.contains("\n"), "one line: " + err);
    assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
    assertTrue(err.startsWith("fabric epoch: "), err);
    assertTrue(err.contains(expectedFragment), err + " should mention " + expectedFragment);
  }

  @Nested
  class Cases {
    @Test
    void shouldRunAWellFormedCaseAndDefaultTheParams() {
      JsonNode out = CliRun.epoch("--in", "[" + GOOD_CASE + "]").json();
      assertEquals(1, out.size());
      assertEquals(65_535, out.get(0).get("incentive").get(1).asInt());
      assertEquals(500, out.get(0).get("server_emission").get(1).asLong());
      assertEquals(500, out.get(0).get("validator_emission").get(0).asLong());
      assertEquals("[[[1,65535]],[]]", out.get(0).get("bonds").toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "not JSON                 | [{                                                              | not valid JSON",
          "not an array             | {}                                                              | input: expected an array",
          "stake missing            | [{\"block\": 1}]                                                | case 0: missing \"stake\"",
          "stake not a number       | [{\"block\": 1, \"stake\": [1, \"x\"]}]                          | case 0.stake[1]: expected an integer",
          "negative stake           | [{\"block\": 1, \"stake\": [-1]}]                                | case 0.stake[0]: -1 is outside",
          "fractional stake         | [{\"block\": 1, \"stake\": [1.5]}]                               | case 0.stake[0]: expected an integer",
          "weight above u16         | [{\"block\": 1, \"stake\": [1], \"weights\": [[[0, 65536]]]}]   | case 0.weights[0][0][1]",
          "weight not a pair        | [{\"block\": 1, \"stake\": [1], \"weights\": [[[0]]]}]          | expected [uid, u16]",
          "more rows than UIDs      | [{\"block\": 1, \"stake\": [1], \"bonds\": [[], []]}]           | 2 entries for 1 UIDs",
          "unknown case key         | [{\"block\": 1, \"stake\": [1], \"stakes\": [1]}]               | unknown key \"stakes\"",
          "unknown parameter        | [{\"block\": 1, \"stake\": [1], \"params\": {\"kapa\": 1}}]     | unknown parameter \"kapa\"",
          "kappa out of range       | [{\"block\": 1, \"stake\": [1], \"params\": {\"kappa\": 70000}}] | params.kappa: 70000 is outside",
          "boolean as number        | [{\"block\": 1, \"stake\": [1], \"params\": {\"yuma3\": 1}}]    | params.yuma3: expected true or false",
          "NaN                      | [{\"block\": 1, \"stake\": [NaN]}]                              | not valid JSON",
          "duplicate key            | [{\"block\": 1, \"block\": 2, \"stake\": [1]}]                  | not valid JSON",
          "n disagrees with stake   | [{\"n\": 3, \"block\": 1, \"stake\": [1]}]                      | case 0.n"
        })
    void shouldRejectMalformedCasesWithOneLine(String what, String json, String fragment) {
      assertMalformed(CliRun.epoch("--in", json), fragment.strip());
    }

    @Test
    void shouldSayWhichFileIsMissing() {
      assertMalformed(CliRun.of("epoch", "--in", "/no/such/file.json"), "no such file: /no/such/file.json");
    }

    @Test
    void shouldPrintAMetagraphTableOnRequest() {
      CliRun run = CliRun.of("epoch", "--table", "--in", write("[" + GOOD_CASE + "]"));
      assertEquals(0, run.exitCode(), run.err());
      assertTrue(run.out().contains("CONSENSUS"), run.out());
      assertTrue(run.out().contains("2 UIDs, 1 validator permits"), run.out());
    }
  }

  @Nested
  class Scenarios {
    private static final String HEAD = "{\"n_max\": 2, \"immunity_period\": 0, \"steps\": [";

    @Test
    void shouldAnswerEveryStepAndReportARejectedRegistration() {
      String json =
          HEAD
              + "{\"op\": \"register\", \"hotkey\": \"a\", \"block\": 1},"
              + "{\"op\": \"register\", \"hotkey\": \"a\", \"block\": 1},"
              + "{\"op\": \"add_stake\", \"uid\": 0, \"amount\": 10},"
              + "{\"op\": \"set_param\", \"params\": {\"tempo\": 5}},"
              + "{\"op\": \"epoch\", \"block\": 2}]}";
      JsonNode out = CliRun.epoch("--scenario", json).json();
      assertEquals(5, out.size());
      assertEquals(0, out.get(0).get("uid").asInt());
      assertTrue(out.get(1).get("uid").isNull());
      assertEquals("hotkey a is already registered", out.get(1).get("rejected").asText());
      assertEquals("{\"op\":\"add_stake\"}", out.get(2).toString());
      assertEquals(1_000_000_000L, out.get(4).get("validator_emission").get(0).asLong());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "unknown op          | {\"op\": \"mint\"}]}                                              | step 0 (mint): unknown op",
          "unregistered uid    | {\"op\": \"add_stake\", \"uid\": 3, \"amount\": 1}]}              | step 0 (add_stake): uid 3 is not registered",
          "lengths differ      | {\"op\": \"set_weights\", \"uid\": 0, \"dests\": [1], \"values\": [], \"block\": 1}]} | 1 dests but 0 values",
          "bad param in step   | {\"op\": \"set_param\", \"params\": {\"tempo\": -1}}]}             | step 0 (set_param).params.tempo",
          "unknown step key    | {\"op\": \"epoch\", \"block\": 1, \"blok\": 2}]}                  | unknown key \"blok\""
        })
    void shouldRejectMalformedStepsNamingTheStep(String what, String steps, String fragment) {
      assertMalformed(CliRun.epoch("--scenario", HEAD + steps), fragment.strip());
    }

    @Test
    void shouldRequireTheSubnetSize() {
      assertMalformed(CliRun.epoch("--scenario", "{\"steps\": []}"), "scenario: missing \"n_max\"");
    }
  }

  @Test
  void shouldListEpochInTheTopLevelHelp() {
    CliRun run = CliRun.of("--help");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().contains("epoch"), run.out());
  }

  private static String write(String json) {
    try {
      Path file = Files.createTempFile("epoch-", ".json");
      file.toFile().deleteOnExit();
      Files.writeString(file, json);
      return file.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

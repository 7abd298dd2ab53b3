package io.taofabric.deploy.epoch;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taofabric.core.scenario.ScenarioReplay;
import io.taofabric.core.scenario.StepOutcome;
import io.taofabric.core.subnet.SubnetState;
import io.taofabric.core.yuma.EpochResult;
import io.taofabric.core.yuma.YumaEpoch;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fabric epoch}: the consensus engine on JSON input, with no cluster and no database. */
@Command(
    name = "epoch",
    mixinStandardHelpOptions = true,
    description = {
      "Runs Yuma Consensus epochs on JSON input and prints the results as JSON (docs/epoch-io.md).",
      "Exit status 0 on success, 2 with one line on stderr for malformed input."
    })
public final class EpochCommand implements Callable<Integer> {
  /** Exit status for input that does not follow the contract. */
  public static final int MALFORMED_INPUT = 2;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  static final class Source {
    @Option(names = "--in", paramLabel = "FILE", description = "Cases to run, a JSON array ('-' for stdin).")
    String cases;

    @Option(
        names = "--scenario",
        paramLabel = "FILE",
        description = "An operation list to replay through the subnet state machine ('-' for stdin).")
    String scenario;
  }

  @Option(names = "--table", description = "Print metagraph tables instead of JSON.")
  boolean table;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    try {
      if (source.cases != null) {
        runCases(read(source.cases), out);
      } else {
        runScenario(read(source.scenario), out);
      }
      out.flush();
      return 0;
    } catch (InputError | ScenarioReplay.StepFailedException e) {
      err.println("fabric epoch: " + e.getMessage());
    } catch (JsonProcessingException e) {
      err.println("fabric epoch: not valid JSON: " + firstClause(e.getOriginalMessage()) + location(e));
    } catch (NoSuchFileException e) {
      err.println("fabric epoch: no such file: " + e.getFile());
    }
    err.flush();
    return MALFORMED_INPUT;
  }

  private void runCases(JsonNode root, PrintWriter out) throws IOException {
    List<EpochJsonReader.EpochCase> cases = EpochJsonReader.readCases(root);
    List<EpochResult> results = new ArrayList<>(cases.size());
    for (EpochJsonReader.EpochCase c : cases) {
      results.add(YumaEpoch.run(c.input(), c.params(), c.rao()));
    }
    if (!table) {
      EpochJsonWriter.writeCases(results, out);
      return;
    }
    for (int c = 0; c < cases.size(); c++) {
      String title = "case " + c + " at block " + cases.get(c).input().block();
      MetagraphTable.print(out, title, results.get(c), null, cases.get(c).input().stake());
    }
  }

  private void runScenario(JsonNode root, PrintWriter out) throws IOException {
    EpochJsonReader.Scenario scenario = EpochJsonReader.readScenario(root);
    ScenarioReplay.Replayed replayed = ScenarioReplay.run(scenario.initial(), scenario.steps());
    if (!table) {
      EpochJsonWriter.writeScenario(replayed.outcomes(), out);
      return;
    }
    StepOutcome.EpochRan last = null;
    int epochs = 0;
    for (StepOutcome o : replayed.outcomes()) {
      if (o instanceof StepOutcome.EpochRan e) {
        last = e;
        epochs++;
      }
    }
    if (last == null) {
      out.println("the scenario ran no epoch");
    } else {
      SubnetState state = replayed.finalState();
      long[] stake = new long[state.size()];
      for (int uid = 0; uid < stake.length; uid++) {
        stake[uid] = state.stakeOf(uid);
      }
      String title = "metagraph after " + epochs + " epochs, last at block " + last.block();
      MetagraphTable.print(out, title, last.result(), last.hotkeys(), stake);
    }
  }

  private static JsonNode read(String file) throws IOException {
    if ("-".equals(file)) {
      return parse(System.in);
    }
    try (InputStream in = Files.newInputStream(Path.of(file))) {
      return parse(in);
    }
  }

  private static JsonNode parse(InputStream in) throws IOException {
    JsonNode root = JSON.readTree(in);
    if (root == null || root.isMissingNode()) {
      throw new InputError("the input is empty");
    }
    return root;
  }

  /** Jackson's message up to its own source excerpt, which says nothing more to a user. */
  private static String firstClause(String message) {
    int cut = message.indexOf(" (start marker");
    String clause = cut < 0 ? message : message.substring(0, cut);
    int newline = clause.indexOf('\n');
    return newline < 0 ? clause : clause.substring(0, newline);
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
  }
}

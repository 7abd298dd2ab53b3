package io.taofabric.deploy.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taofabric.core.wallet.WalletException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A network command: it prints tables, or JSON with {@code --json}, and on failure one line on
 * stderr, {@code fabric <command>: <why>}, with a non-zero exit status ({@link CliFailure}). Wallet
 * errors and the value checks of fabric-core ({@link IllegalArgumentException}, which names the
 * value) come out the same way, so no stack trace ever reaches the user.
 */
public abstract class ClientCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec protected CommandSpec spec;

  @Option(names = "--json", description = "Print JSON for scripts instead of tables.")
  boolean json;

  /** Does the command's work, printing to {@code out}. */
  protected abstract void run(PrintWriter out) throws CliFailure, WalletException;

  @Override
  public final Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      run(out);
      return 0;
    } catch (CliFailure e) {
      return fail(err, e.getMessage(), e.exitCode());
    } catch (WalletException e) {
      return fail(err, e.getMessage(), CliFailure.FAILED);
    } catch (IllegalArgumentException e) {
      return fail(err, e.getMessage(), CliFailure.BAD_INPUT);
    } finally {
      out.flush();
    }
  }

  /** Whether {@code --json} was given. */
  protected boolean json() {
    return json;
  }

  /** Whether {@code option} was given on the command line rather than left at its default. */
  protected boolean given(String option) {
    return spec.commandLine().getParseResult().hasMatchedOption(option);
  }

  /** A new JSON object to print with {@link #printJson}. */
  protected static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /** Prints {@code node} as indented JSON. */
  protected static void printJson(PrintWriter out, JsonNode node) {
    try {
      out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree Jackson built cannot be written", e);
    }
  }

  /**
   * Reports a transaction the gateway took: {@code what} it was and the gateway's status, then any
   * further fields of its answer; with {@code --json}, the transaction's id, signer and nonce, the
   * answer, and the command's own {@code details}.
   */
  protected void printSubmitted(PrintWriter out, String what, GatewayClient.Submitted submitted, ObjectNode details) {
    if (json) {
      ObjectNode report = object();
      report.put("id", submitted.transaction().id());
      report.put("signer", submitted.transaction().signer());
      report.put("nonce", submitted.transaction().nonce());
      report.set("answer", submitted.answer());
      report.setAll(details);
      printJson(out, report);
      return;
    }
    JsonNode answer = submitted.answer();
    out.println(what + ": " + answer.path("status").asText("accepted") + " (transaction " + submitted.transaction().id() + ")");
    for (Map.Entry<String, JsonNode> field : answer.properties()) {
      if (!field.getKey().equals("id") && !field.getKey().equals("status")) {
        out.println("  " + field.getKey() + ": " + (field.getValue().isValueNode() ? field.getValue().asText() : field.getValue()));
      }
    }
  }

  private int fail(PrintWriter err, String message, int exitCode) {
    err.println(spec.qualifiedName() + ": " + message);
    err.flush();
    return exitCode;
  }
}

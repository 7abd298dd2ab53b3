package io.taofabric.deploy.bench;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fabric bench all}: the other bench commands in turn, each as if run on its own. */
@Command(
    name = "all",
    mixinStandardHelpOptions = true,
    description =
        "Runs fabric bench epoch, fanout and ledger in turn with their defaults (about 6 minutes on 2"
            + " cores), or with smaller settings under --quick (about 2 minutes).")
final class AllCommand implements Callable<Integer> {
  /** The arguments --quick gives each bench: fewer sizes and iterations, same kind of figures. */
  private static final Map<String, String[]> QUICK = new LinkedHashMap<>();

  static {
    QUICK.put("epoch", new String[] {"--n", "64,256,1024", "--warmup-seconds", "1", "--measure-seconds", "2"});
    QUICK.put("fanout", new String[] {"--warm-up", "10", "--rounds", "30"});
    QUICK.put("ledger", new String[] {"--subnets", "32"});
  }

  @Spec CommandSpec spec;

  @Option(names = "--quick", description = "Smaller sizes and fewer iterations, for a first look.")
  boolean quick;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    int worst = 0;
    for (Map.Entry<String, String[]> bench : QUICK.entrySet()) {
      String[] args = quick ? bench.getValue() : new String[0];
      out.println();
      out.println("== fabric bench " + bench.getKey() + (args.length == 0 ? "" : " " + String.join(" ", args)) + " ==");
      out.flush();
      CommandLine command = spec.parent().subcommands().get(bench.getKey());
      // a failing bench is reported and the others still run: their figures stand on their own
      worst = Math.max(worst, command.execute(args));
    }
    return worst;
  }
}

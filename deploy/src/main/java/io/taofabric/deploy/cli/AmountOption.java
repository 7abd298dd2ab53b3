package io.taofabric.deploy.cli;

import picocli.CommandLine.Option;

/** {@code --amount}: TAO on the command line, rao in the transaction ({@link Tao}). */
public final class AmountOption {
  @Option(
      names = "--amount",
      required = true,
      paramLabel = "TAO",
      converter = Tao.Converter.class,
      description = "How much, in TAO (up to 9 decimal places).")
  long rao;

  /** The amount, rao. */
  public long rao() {
    return rao;
  }
}

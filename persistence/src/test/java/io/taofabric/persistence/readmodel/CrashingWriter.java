package io.taofabric.persistence.readmodel;

import io.taofabric.core.ledger.AccountEvent.GenesisCredited;
import java.nio.file.Path;

/**
 * The process {@link BalanceReadModelCrashTest} kills: it opens the read model in {@code args[0]}
 * and credits 1 rao per event to each of {@link #ACCOUNTS} accounts in turn, forever, reporting
 * every thousandth round on stdout.
 */
final class CrashingWriter {
  static final int ACCOUNTS = 16;

  private CrashingWriter() {}

  static String persistenceId(int account) {
    return "Account|crash-" + account;
  }

  public static void main(String[] args) throws Exception {
    BalanceReadModel model = BalanceReadModel.open(Path.of(args[0]), 1_000);
    for (long seq = 1; ; seq++) {
      for (int account = 0; account < ACCOUNTS; account++) {
        model.apply(persistenceId(account), seq, new GenesisCredited("g" + seq, 1, seq));
      }
      if (seq % 1_000 == 0) {
        System.out.println("applied " + seq);
      }
    }
  }
}

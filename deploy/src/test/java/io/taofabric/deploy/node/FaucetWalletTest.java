package io.taofabric.deploy.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taofabric.core.wallet.Wallets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaucetWalletTest {
  @TempDir Path dir;

  @Test
  void shouldWriteTheFundedFaucetKeyOnceAndLeaveAnotherWalletOfItsNameAlone() throws Exception {
    Wallets wallets = new Wallets(dir.resolve("wallets"), 10);
    String line = NetworkBootstrap.faucetWallet(wallets);
    assertTrue(line.startsWith("faucet: wallet demo-faucet in ") && line.contains("--to COLDKEY"), line);
    assertEquals(
        NetworkBootstrap.faucetKey().hotkey(),
        wallets.open(NetworkBootstrap.FAUCET_WALLET).coldkey(NetworkBootstrap.FAUCET_PASSWORD.toCharArray()).hotkey());
    assertEquals(line, NetworkBootstrap.faucetWallet(wallets));

    Wallets taken = new Wallets(dir.resolve("taken"), 10);
    taken.create(NetworkBootstrap.FAUCET_WALLET, "mine".toCharArray());
    assertTrue(NetworkBootstrap.faucetWallet(taken).endsWith("holds another key, left as it is"));
  }
}

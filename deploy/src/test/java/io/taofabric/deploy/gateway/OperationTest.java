package io.taofabric.deploy.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.taofabric.core.crypto.SigningKey;
import io.taofabric.core.ledger.TransferRequest;
import io.taofabric.core.subnet.SubnetCommand;
import io.taofabric.core.tx.SignedTransaction;
import io.taofabric.core.tx.Transaction;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperationTest {
  private static final long BLOCK = 77;
  private final SigningKey signer = SigningKey.generate();
  private final String hotkey = SigningKey.generate().hotkey();

  private SignedTransaction signed(Transaction transaction) {
    return SignedTransaction.sign(signer, 1_700_000_000_000_000L, transaction);
  }

  @Test
  void shouldUseTheTransactionIdAsTheOperationIdOfEverySaga() {
    SignedTransaction transfer = signed(new Transaction.Transfer(hotkey, 5));
    assertEquals(
        new Operation.Transfer(new TransferRequest(transfer.id(), signer.hotkey(), hotkey, 5, BLOCK)), Operation.of(transfer, BLOCK));
    SignedTransaction add = signed(new Transaction.AddStake(2, hotkey, 9));
    assertEquals(new Operation.StakeMove(2, true, hotkey, signer.hotkey(), 9, add.id()), Operation.of(add, BLOCK));
    SignedTransaction remove = signed(new Transaction.RemoveStake(2, hotkey, 9));
    assertEquals(new Operation.StakeMove(2, false, hotkey, signer.hotkey(), 9, remove.id()), Operation.of(remove, BLOCK));
    SignedTransaction create = signed(new Transaction.CreateSubnet(hotkey));
    assertEquals(new Operation.CreateSubnet(signer.hotkey(), hotkey, create.id()), Operation.of(create, BLOCK));
    SignedTransaction register = signed(new Transaction.Register(2, hotkey));
    assertEquals(new Operation.Register(2, hotkey, signer.hotkey(), register.id()), Operation.of(register, BLOCK));
    for (SignedTransaction saga : List.of(transfer, add, remove, create, register)) {
      assertEquals(true, Operation.of(saga, BLOCK).idempotent(), saga.toString());
    }
  }

  @Test
  void shouldStampDirectCommandsWithTheSubnetsBlockAndTheSignerAsCaller() {
    assertEquals(
        new Operation.Serve(2, signer.hotkey(), "10.0.0.1:9"), Operation.of(signed(new Transaction.ServeEndpoint(2, "10.0.0.1:9")), BLOCK));
    String hash = "ab".repeat(32);
    assertEquals(
        new Operation.Direct(2, new SubnetCommand.CommitWeights(signer.hotkey(), hash, BLOCK), "commit_weights"),
        Operation.of(signed(new Transaction.CommitWeights(2, hash)), BLOCK));
    byte[] salt = {9};
    assertEquals(
        new Operation.Direct(2, new SubnetCommand.RevealWeights(signer.hotkey(), List.of(1), List.of(3), salt, BLOCK), "reveal_weights"),
        Operation.of(signed(new Transaction.RevealWeights(2, List.of(1), List.of(3), salt)), BLOCK));
    Operation set = Operation.of(signed(new Transaction.SetHyperparameter(2, "tempo", "5")), BLOCK);
    assertEquals(new Operation.Direct(2, new SubnetCommand.SetHyperparameter(signer.hotkey(), "tempo", "5", BLOCK), "set_hyperparameter"), set);
    assertEquals(false, set.idempotent(), "the subnet takes no operation id for a direct command");
  }
}

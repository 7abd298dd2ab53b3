package io.taofabric.actors.serialization;

import io.taofabric.actors.ledger.AccountEntity;
import io.taofabric.actors.ledger.SettlementEntity;
import io.taofabric.actors.ledger.TransferEntity;
import io.taofabric.core.ledger.AccountCommand;
import io.taofabric.core.ledger.SettlementEvent.EpochSettled;
import io.taofabric.core.ledger.StakeKey;
import io.taofabric.core.ledger.TransferRequest;
import io.taofabric.core.ledger.UidEmission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pekko.actor.typed.ActorRef;

/** One sample of every cluster message and of every ledger value carried inside one. */
final class MessageSamples {
  private MessageSamples() {}

  /** One of each account command. */
  static List<AccountCommand> commands() {
    return List.of(
        new AccountCommand.CreditGenesis("genesis/alice", 1_000_000_000_000L, 1),
        new AccountCommand.SendTransfer("tx-7f3a", "5Fbob", 2_500_000_000L, 1_234),
        new AccountCommand.ReceiveTransfer("tx-7f3a", "5Falice", 2_500_000_000L, 1_235),
        new AccountCommand.AddStake("stake-1", "5Hvalidator", 3, 400_000_000_000L, 2_000),
        new AccountCommand.RemoveStake("unstake-1", "5Hvalidator", 3, 100_000_000_000L, 2_100),
        new AccountCommand.BurnForRegistration("register-9", "5Hminer", 3, 1_000_000_000L, 2_200),
        new AccountCommand.CreditEmission(3, 41, 17, "5Hminer", 123_456_789L, 14_760),
        new AccountCommand.LockForSubnet("subnet-lock/4", 4, 200_000_000_000L, 2_300));
  }

  static EpochSettled epoch() {
    return new EpochSettled(
        3,
        41,
        14_760,
        List.of(new UidEmission(0, "5Hvalidator", "5Falice", 150_000_000_000L), new UidEmission(17, "5Hminer", "5Fbob", 123_456_789L)));
  }

  static TransferRequest transfer() {
    return new TransferRequest("tx-7f3a", "5Falice", "5Fbob", 2_500_000_000L, 1_234);
  }

  /** Every value a message nests: the commands, a transfer request, a settled epoch. */
  static List<Object> values() {
    List<Object> values = new ArrayList<>(commands());
    values.add(transfer());
    values.add(epoch());
    return values;
  }

  static AccountEntity.Balance balance() {
    return new AccountEntity.Balance(
        "5Falice", 7_500_000_000L, new TreeMap<>(Map.of(new StakeKey("5Hvalidator", 3), 300_000_000_000L, new StakeKey("5Hminer", 1), 5L)));
  }

  /** One of each message, answering to {@code replyTo}. */
  static List<Object> messages(ActorRef<Object> replyTo) {
    return List.of(
        new AccountEntity.Execute(commands().get(1), replyTo.narrow()),
        new AccountEntity.GetBalance(replyTo.narrow()),
        balance(),
        new SettlementEntity.Settle(epoch(), replyTo.narrow()),
        new SettlementEntity.GetUncredited(replyTo.narrow()),
        new SettlementEntity.Uncredited(List.of(40L, 41L)),
        new TransferEntity.Request(transfer(), replyTo.narrow()));
  }
}

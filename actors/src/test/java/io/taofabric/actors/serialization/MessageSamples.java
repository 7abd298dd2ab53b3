package io.taofabric.actors.serialization;

import io.taofabric.actors.ledger.AccountEntity;
import io.taofabric.actors.ledger.SettlementEntity;
import io.taofabric.actors.network.BlockClock;
import io.taofabric.actors.network.SubnetRegistryEntity;
import io.taofabric.actors.participant.MinerEntity;
import io.taofabric.actors.participant.ValidatorEntity;
import io.taofabric.actors.subnet.SubnetEntity;
import io.taofabric.core.ledger.AccountCommand;
import io.taofabric.core.ledger.SettlementEvent.EpochSettled;
import io.taofabric.core.ledger.StakeKey;
import io.taofabric.core.ledger.UidEmission;
import io.taofabric.core.network.NetworkEvent.SubnetCreationStarted;
import io.taofabric.core.participant.MinerState;
import io.taofabric.core.participant.PendingCommit;
import io.taofabric.core.participant.SubmittedWeights;
import io.taofabric.core.participant.WeightsRules;
import io.taofabric.core.participant.ValidatorState;
import io.taofabric.core.subnet.Metagraph;
import io.taofabric.core.subnet.SubnetCommand;
import io.taofabric.core.subnet.SubnetHyperparameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pekko.actor.typed.ActorRef;

/** One sample of every cluster message and of every value carried inside one. */
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

  static SubnetCreationStarted subnet() {
    return new SubnetCreationStarted(3, "5Fowner", "5Howner", "subnet-lock/3", 200_000_000_000L, 250_000, 1_200);
  }

  /** One of each direct subnet command. */
  static List<SubnetCommand.Direct> subnetCommands() {
    return List.of(
        new SubnetCommand.ServeEndpoint("5Hminer", "10.0.0.7:8091", 2_210),
        new SubnetCommand.SetWeights("5Hvalidator", List.of(0, 17, 4), List.of(65_535, 1_024, 0), 2_220),
        new SubnetCommand.CommitWeights("5Hvalidator", "9f86d081884c7d659a2feaa0c55ad015", 2_230),
        new SubnetCommand.RevealWeights(
            "5Hvalidator", List.of(0, 17), List.of(40_000, 25_535), new byte[] {0, 7, -1, 42, 0, 19, 3, -128}, 2_600),
        new SubnetCommand.SetHyperparameter("5Fowner", "tempo", "99", 2_240));
  }

  /**
   * Every value a message nests: the account commands, a settled epoch, a
   * subnet's creation record and the direct subnet commands.
   */
  static List<Object> values() {
    List<Object> values = new ArrayList<>(commands());
    values.add(epoch());
    values.add(subnet());
    values.addAll(subnetCommands());
    return values;
  }

  static Metagraph metagraph() {
    return new Metagraph(
        3,
        "5Fowner",
        2_600,
        4,
        360,
        1_000_000_000L,
        List.of(
            new Metagraph.Row(0, "5Howner", "5Fowner", 0, false, 0, 0, 0, 0, 0, 1_200, 1_200, null),
            new Metagraph.Row(
                1,
                "5Hvalidator",
                "5Falice",
                400_000_000_000L,
                true,
                40_000,
                12_000,
                65_535,
                61_000,
                9_876_543L,
                1_300,
                2_595,
                "10.0.0.7:8091")));
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
        new BlockClock.GetHeight(replyTo.narrow()),
        new SubnetRegistryEntity.CreateSubnet("5Fowner", "5Howner", "subnet-lock/3", replyTo.narrow()),
        new SubnetRegistryEntity.ListSubnets(replyTo.narrow()),
        new SubnetRegistryEntity.Subnets(
            List.of(
                subnet(), new SubnetCreationStarted(4, "5Fbob", "5Hbob", "subnet-lock/4", 400_000_000_000L, 250_000, 1_900)),
            800_000_000_000L,
            2_000),
        new SubnetRegistryEntity.BlockTick(2_601),
        new SubnetEntity.Tick(2_601, subnet()),
        new SubnetEntity.Execute(subnetCommands().get(3), replyTo.narrow()),
        new SubnetEntity.RegisterNeuron("5Hminer", "5Fbob", "register-9", replyTo.narrow()),
        new SubnetEntity.Stake("5Hvalidator", "5Falice", 400_000_000_000L, "stake-1", replyTo.narrow()),
        new SubnetEntity.Unstake("5Hvalidator", "5Falice", 100_000_000_000L, "unstake-1", replyTo.narrow()),
        new SubnetEntity.GetMetagraph(replyTo.narrow()),
        metagraph(),
        new SubnetEntity.GetWeightsRules(replyTo.narrow()),
        new WeightsRules(true, 100, 360, 360),
        new SubnetEntity.GetHyperparameters(replyTo.narrow()),
        SubnetHyperparameters.DEFAULTS.with("tempo", 99).with("commit_reveal_weights_enabled", "true"),
        new ValidatorEntity.Start(3),
        new ValidatorEntity.RecordScores(Map.of("5Hminer", 0.9, "5Hminer-b", Double.NaN), replyTo.narrow()),
        new ValidatorEntity.GetState(replyTo.narrow()),
        new ValidatorState(
            "5Hvalidator",
            3,
            true,
            new TreeMap<>(Map.of("5Hminer", 131_000L, "5Hminer-b", 27_001L)),
            new SubmittedWeights(List.of(17, 40), List.of(65_535, 21_845), 2_460),
            new PendingCommit(List.of(17), List.of(65_535), new byte[] {1, 2, 3, -1}, "9f86d081884c7d659a2feaa0c55ad015", 2_470),
            2_470),
        new MinerEntity.Serve("10.0.0.7:8091", replyTo.narrow()),
        new MinerEntity.CountQueries(1_200, -3),
        new MinerEntity.GetState(replyTo.narrow()),
        new MinerState("5Hminer", 3, "10.0.0.7:8091", 1_200, 17, 2_500));
  }
}

package io.taofabric.actors.subnet;

import io.taofabric.actors.ledger.AccountEntity;
import io.taofabric.actors.ledger.Accounts;
import io.taofabric.core.emission.EmissionSchedule;
import io.taofabric.core.ledger.AccountCommand;
import io.taofabric.core.ledger.AccountCommand.BurnForRegistration;
import io.taofabric.core.ledger.Decision;
import io.taofabric.core.ledger.SettlementEvent.EpochSettled;
import io.taofabric.core.network.NetworkEvent.SubnetCreationStarted;
import io.taofabric.core.participant.WeightsRules;
import io.taofabric.core.subnet.EpochSchedule;
import io.taofabric.core.subnet.Metagraph;
import io.taofabric.core.subnet.Subnet;
import io.taofabric.core.subnet.SubnetCommand;
import io.taofabric.core.subnet.SubnetCommand.AddStake;
import io.taofabric.core.subnet.SubnetCommand.CreateSubnet;
import io.taofabric.core.subnet.SubnetCommand.Register;
import io.taofabric.core.subnet.SubnetCommand.RemoveStake;
import io.taofabric.core.subnet.SubnetCommand.RunEpoch;
import io.taofabric.core.subnet.SubnetEvent;
import io.taofabric.core.subnet.SubnetHyperparameters;
import java.time.Duration;
import org.apache.pekko.Done;
import org.apache.pekko.actor.NoSerializationVerificationNeeded;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.SnapshotAdapter;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * One subnet, the only writer of its metagraph, weights and stake view. Every rule is fabric-core's
 * {@link Subnet}; this shell stamps commands with the block it has seen, runs the two sagas that
 * touch an account (registration burns, stake moves: the account first, under the caller's
 * idempotency key, then the subnet), and coordinates epochs: at each due block tick it runs the
 * epoch, persists the result, and hands the ledger its {@link EpochSettled}. Epochs go to the
 * ledger strictly in order: the next one runs only once the previous is acknowledged, and a new
 * owner after a crash hands the last one over again (the ledger acknowledges a repeat). A skipped
 * epoch loses nothing: its blocks' emission is paid by the next, which covers the whole range.
 */
public final class SubnetEntity extends EventSourcedBehaviorWithEnforcedReplies<SubnetEntity.Command, SubnetEvent, Subnet> {
  /** The persistence id prefix (and sharded entity type name) of subnets. */
  public static final String TYPE = "Subnet";

  /** How many events a subnet persists between snapshots; see {@link #retentionCriteria()}. */
  public static final int SNAPSHOT_EVERY = 500;

  /** What a subnet accepts. */
  public sealed interface Command {}

  /**
   * Block {@code block} was produced; {@code identity} is the registry's record of this subnet
   * (owner, emission share, creation block), so the first tick creates the subnet.
   */
  public record Tick(long block, SubnetCreationStarted identity) implements Command {}

  /** Applies a command that involves no account (weights, endpoints, hyperparameters). */
  public record Execute(SubnetCommand.Direct command, ActorRef<StatusReply<Done>> replyTo) implements Command {}

  /**
   * Registers {@code hotkey} for {@code coldkey}: the account burns the subnet's current price
   * under {@code operationId}, then the subnet assigns a UID; replies with it. Retrying with the
   * same key after any failure never burns twice.
   */
  public record RegisterNeuron(String hotkey, String coldkey, String operationId, ActorRef<StatusReply<Integer>> replyTo)
      implements Command {}

  /** Moves {@code amount} rao of {@code coldkey}'s free balance into stake on {@code hotkey} here. */
  public record Stake(String hotkey, String coldkey, long amount, String operationId, ActorRef<StatusReply<Done>> replyTo)
      implements Command {}

  /** Moves {@code amount} rao of {@code coldkey}'s stake on {@code hotkey} here back to its free balance. */
  public record Unstake(String hotkey, String coldkey, long amount, String operationId, ActorRef<StatusReply<Done>> replyTo)
      implements Command {}

  /** Replies with when a validator may submit weights here (commit–reveal, rate limit, reveal timing). */
  public record GetWeightsRules(ActorRef<WeightsRules> replyTo) implements Command {}

  /** Replies with the subnet's metagraph as of now. */
  public record GetMetagraph(ActorRef<Metagraph> replyTo) implements Command {}

  /** Replies with the subnet's hyperparameters (the defaults it is created with, before it exists). */
  public record GetHyperparameters(ActorRef<SubnetHyperparameters> replyTo) implements Command {}

  private record AccountAnswered(SubnetCommand command, String refusal, Replier replier)
      implements Command, NoSerializationVerificationNeeded {}

  /** Answers whoever started an account step, once its outcome is known. */
  private interface Replier {
    void succeed(Subnet subnet);

    void fail(String reason);
  }

  private static Replier acknowledging(ActorRef<StatusReply<Done>> replyTo) {
    return new Replier() {
      @Override
      public void succeed(Subnet subnet) {
        replyTo.tell(StatusReply.ack());
      }

      @Override
      public void fail(String reason) {
        replyTo.tell(StatusReply.error(reason));
      }
    };
  }

  private static Replier withUid(String hotkey, ActorRef<StatusReply<Integer>> replyTo) {
    return new Replier() {
      @Override
      public void succeed(Subnet subnet) {
        replyTo.tell(StatusReply.success(subnet.state().uidOf(hotkey)));
      }

      @Override
      public void fail(String reason) {
        replyTo.tell(StatusReply.error(reason));
      }
    };
  }

  private record SettlementAnswered(long epoch, String failure) implements Command, NoSerializationVerificationNeeded {}

  private enum HandOverAgain implements Command, NoSerializationVerificationNeeded {
    INSTANCE
  }

  private final int netuid;
  private final Accounts accounts;
  private final Settlements settlements;
  private final Duration retryAfter;
  private final ActorContext<Command> context;
  private final TimerScheduler<Command> timers;
  private long block = -1;
  private boolean accountStepInFlight;
  private boolean handedOver = true;

  private SubnetEntity(
      int netuid,
      Accounts accounts,
      Settlements settlements,
      Duration retryAfter,
      ActorContext<Command> context,
      TimerScheduler<Command> timers) {
    super(PersistenceId.of(TYPE, Integer.toString(netuid)));
    this.netuid = netuid;
    this.accounts = accounts;
    this.settlements = settlements;
    this.retryAfter = retryAfter;
    this.context = context;
    this.timers = timers;
  }

  /** Subnet {@code netuid}, paying through {@code accounts} and settling through {@code settlements}. */
  public static Behavior<Command> create(int netuid, Accounts accounts, Settlements settlements, Duration retryAfter) {
    return Behaviors.setup(
        context ->
            Behaviors.withTimers(
                timers -> new SubnetEntity(netuid, accounts, settlements, retryAfter, context, timers)));
  }

  @Override
  public Subnet emptyState() {
    return Subnet.uncreated(netuid);
  }

  @Override
  public CommandHandlerWithReply<Command, SubnetEvent, Subnet> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(Tick.class, this::onTick)
        .onCommand(Execute.class, this::onExecute)
        .onCommand(RegisterNeuron.class, this::onRegister)
        .onCommand(Stake.class, (subnet, stake) -> startAccountStep(subnet, addStake(stake), acknowledging(stake.replyTo())))
        .onCommand(
            Unstake.class,
            (subnet, unstake) -> startAccountStep(subnet, removeStake(unstake), acknowledging(unstake.replyTo())))
        .onCommand(AccountAnswered.class, this::onAccountAnswered)
        .onCommand(SettlementAnswered.class, this::onSettlementAnswered)
        .onCommand(HandOverAgain.class, (subnet, again) -> handOver(subnet))
        .onCommand(GetWeightsRules.class, (subnet, get) -> Effect().reply(get.replyTo(), WeightsRules.of(subnet.hyperparameters())))
        .onCommand(GetMetagraph.class, (subnet, get) -> Effect().reply(get.replyTo(), Metagraph.of(subnet, currentBlock(subnet))))
        .onCommand(GetHyperparameters.class, (subnet, get) -> Effect().reply(get.replyTo(), subnet.hyperparameters()))
        .build();
  }

  private ReplyEffect<SubnetEvent, Subnet> onTick(Subnet subnet, Tick tick) {
    if (accountStepInFlight) {
      // an epoch now would move the subnet past the block the saga's step was checked at
      return Effect().stash();
    }
    block = Math.max(block, tick.block());
    if (!subnet.exists()) {
      SubnetCreationStarted id = tick.identity();
      return persistAccepted(
          subnet.decide(new CreateSubnet(id.ownerColdkey(), id.ownerHotkey(), SubnetHyperparameters.DEFAULTS, id.block())));
    }
    if (!EpochSchedule.isDue(netuid, subnet.hyperparameters().tempo(), tick.block())) {
      return Effect().noReply();
    }
    long from = Math.max(subnet.lastEpochBlock(), tick.identity().block());
    long emission = EmissionSchedule.subnetEmission(tick.identity().shareMillionths(), from, tick.block());
    Decision<SubnetEvent> decision = subnet.decide(new RunEpoch(tick.block(), emission));
    if (decision instanceof Decision.Accept<SubnetEvent> accept) {
      if (!handedOver) {
        context.getLog().warn("subnet {} skips the epoch at block {}: the previous one is not settled yet", netuid, tick.block());
        return Effect().noReply();
      }
      handedOver = false;
      return Effect().persist(accept.events()).thenRun(this::handOverNow).thenNoReply();
    }
    if (decision instanceof Decision.Reject<SubnetEvent> reject) {
      context.getLog().warn("subnet {} epoch at block {} refused: {}", netuid, tick.block(), reject.reason());
    }
    return Effect().noReply();
  }

  private ReplyEffect<SubnetEvent, Subnet> onExecute(Subnet subnet, Execute execute) {
    String future = futureBlock(subnet, execute.command().block());
    if (future != null) {
      return Effect().reply(execute.replyTo(), StatusReply.error(future));
    }
    Decision<SubnetEvent> decision = subnet.decide(execute.command());
    if (decision instanceof Decision.Accept<SubnetEvent> accept) {
      return Effect().persist(accept.events()).thenReply(execute.replyTo(), s -> StatusReply.ack());
    }
    if (decision instanceof Decision.Reject<SubnetEvent> reject) {
      return Effect().reply(execute.replyTo(), StatusReply.error(reject.reason()));
    }
    return Effect().reply(execute.replyTo(), StatusReply.ack());
  }

  private ReplyEffect<SubnetEvent, Subnet> onRegister(Subnet subnet, RegisterNeuron register) {
    long burn = subnet.hyperparameters().burn();
    Register command = new Register(register.hotkey(), register.coldkey(), register.operationId(), burn, currentBlock(subnet));
    return startAccountStep(subnet, command, withUid(register.hotkey(), register.replyTo()));
  }

  /**
   * Runs a saga whose first step is an account's: checks the subnet would accept {@code command},
   * asks the account, and persists the subnet's step when the account has applied its own. Other
   * commands and block ticks wait meanwhile, so the check still holds when the answer comes.
   */
  private ReplyEffect<SubnetEvent, Subnet> startAccountStep(Subnet subnet, SubnetCommand command, Replier replier) {
    if (accountStepInFlight) {
      return Effect().stash();
    }
    Decision<SubnetEvent> check = subnet.decide(command);
    if (check instanceof Decision.Reject<SubnetEvent> reject) {
      replier.fail(reject.reason());
      return Effect().noReply();
    }
    if (check instanceof Decision.AlreadyApplied<SubnetEvent>) {
      replier.succeed(subnet);
      return Effect().noReply();
    }
    accountStepInFlight = true;
    context.pipeToSelf(
        accounts.execute(coldkeyOf(command), accountStep(command)),
        (StatusReply<AccountEntity.Balance> reply, Throwable failure) ->
            new AccountAnswered(command, refusal(reply, failure), replier));
    return Effect().noReply();
  }

  private ReplyEffect<SubnetEvent, Subnet> onAccountAnswered(Subnet subnet, AccountAnswered answer) {
    accountStepInFlight = false;
    Replier replier = answer.replier();
    if (answer.refusal() != null) {
      replier.fail(answer.refusal());
      return Effect().noReply().thenUnstashAll();
    }
    Decision<SubnetEvent> decision = subnet.decide(answer.command());
    if (decision instanceof Decision.Accept<SubnetEvent> accept) {
      return Effect().persist(accept.events()).thenRun(replier::succeed).thenNoReply().thenUnstashAll();
    }
    if (decision instanceof Decision.Reject<SubnetEvent> reject) {
      // cannot happen while other commands wait; logged because the account has already moved
      context.getLog().error("subnet {} refused {} after its account step: {}", netuid, answer.command(), reject.reason());
      replier.fail(reject.reason());
    } else {
      replier.succeed(subnet);
    }
    return Effect().noReply().thenUnstashAll();
  }

  private ReplyEffect<SubnetEvent, Subnet> onSettlementAnswered(Subnet subnet, SettlementAnswered answer) {
    if (answer.failure() == null) {
      handedOver = true;
      return Effect().noReply();
    }
    context.getLog().warn("epoch {} of subnet {} not settled ({}); handing it over again in {}", answer.epoch(), netuid, answer.failure(), retryAfter);
    timers.startSingleTimer(HandOverAgain.INSTANCE, retryAfter);
    return Effect().noReply();
  }

  private ReplyEffect<SubnetEvent, Subnet> handOver(Subnet subnet) {
    handOverNow(subnet);
    return Effect().noReply();
  }

  private void handOverNow(Subnet subnet) {
    EpochSettled last = subnet.lastSettlement();
    if (last == null) {
      handedOver = true;
      return;
    }
    context.pipeToSelf(
        settlements.settle(last),
        (StatusReply<Done> reply, Throwable failure) -> new SettlementAnswered(last.epoch(), refusal(reply, failure)));
  }

  @Override
  public EventHandler<Subnet, SubnetEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(Subnet::apply);
  }

  /**
   * Snapshots store the subnet's immutable copy: {@link Subnet} itself has no stored form, its
   * snapshot has (and nothing else needs one).
   */
  @Override
  public SnapshotAdapter<Subnet> snapshotAdapter() {
    return new SnapshotAdapter<>() {
      @Override
      public Object toJournal(Subnet subnet) {
        return subnet.snapshot();
      }

      @Override
      public Subnet fromJournal(Object stored) {
        return Subnet.restore((Subnet.Snapshot) stored);
      }
    };
  }

  /**
   * A snapshot every {@value #SNAPSHOT_EVERY} events, the last two kept. A full subnet's snapshot
   * (256 UIDs, 64 validators' weight and bond rows, the last epoch's results, 1024 operation ids)
   * is an estimated 300 KB, about one tempo of journal on a busy subnet: some 230 weights events
   * of under 1 KB and one 90 KB epoch. Every 500 events (about two tempos) the snapshots write
   * about half as much as the journal, and a recovery reads one snapshot and at most 500 events,
   * however old the subnet; every 100 would write some three times more snapshot than journal.
   */
  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(SNAPSHOT_EVERY, 2);
  }

  @Override
  public SignalHandler<Subnet> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(
            RecoveryCompleted.instance(),
            subnet -> {
              block = subnet.latestBlock();
              if (subnet.epochsApplied() > 0) {
                handedOver = false;
                handOverNow(subnet);
              }
            })
        .build();
  }

  private ReplyEffect<SubnetEvent, Subnet> persistAccepted(Decision<SubnetEvent> decision) {
    if (decision instanceof Decision.Accept<SubnetEvent> accept) {
      return Effect().persist(accept.events()).thenNoReply();
    }
    return Effect().noReply();
  }

  private long currentBlock(Subnet subnet) {
    return Math.max(block, subnet.latestBlock());
  }

  private String futureBlock(Subnet subnet, long commandBlock) {
    long now = currentBlock(subnet);
    return commandBlock > now ? "block " + commandBlock + " is in the future: the subnet is at block " + now : null;
  }

  private AddStake addStake(Stake s) {
    return new AddStake(s.hotkey(), s.coldkey(), s.amount(), s.operationId(), block);
  }

  private RemoveStake removeStake(Unstake u) {
    return new RemoveStake(u.hotkey(), u.coldkey(), u.amount(), u.operationId(), block);
  }

  private AccountCommand accountStep(SubnetCommand command) {
    if (command instanceof Register r) {
      return new BurnForRegistration(r.operationId(), r.hotkey(), netuid, r.burnPaid(), r.block());
    } else if (command instanceof AddStake s) {
      return new AccountCommand.AddStake(s.operationId(), s.hotkey(), netuid, s.amount(), s.block());
    }
    RemoveStake s = (RemoveStake) command;
    return new AccountCommand.RemoveStake(s.operationId(), s.hotkey(), netuid, s.amount(), s.block());
  }

  private static String coldkeyOf(SubnetCommand command) {
    if (command instanceof Register r) {
      return r.coldkey();
    } else if (command instanceof AddStake s) {
      return s.coldkey();
    }
    return ((RemoveStake) command).coldkey();
  }

  private static String refusal(StatusReply<?> reply, Throwable failure) {
    if (failure != null) {
      return "no answer: " + failure.getMessage();
    }
    return reply.isError() ? reply.getError().getMessage() : null;
  }
}

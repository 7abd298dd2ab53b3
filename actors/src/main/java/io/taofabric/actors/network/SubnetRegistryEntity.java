package io.taofabric.actors.network;

import io.taofabric.actors.ledger.AccountEntity;
import io.taofabric.actors.ledger.Accounts;
import io.taofabric.core.ledger.AccountCommand.LockForSubnet;
import io.taofabric.core.ledger.Decision;
import io.taofabric.core.network.NetworkEvent;
import io.taofabric.core.network.NetworkEvent.SubnetCreationFailed;
import io.taofabric.core.network.NetworkEvent.SubnetCreationStarted;
import io.taofabric.core.network.RegistryRules;
import io.taofabric.core.network.SubnetRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.pekko.actor.NoSerializationVerificationNeeded;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.pattern.StatusReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerWithReply;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehaviorWithEnforcedReplies;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * The network's subnet registry, one cluster singleton: creates subnets (the lock is paid by the
 * owner's account first, under the caller's idempotency key) and passes every block tick on to
 * each subnet with what the subnet needs to know about itself (owner, emission share, creation
 * block), so a subnet entity needs no separate "created" message that could be lost. The rules
 * live in fabric-core's {@link SubnetRegistry}; this shell persists, asks and replies.
 */
public final class SubnetRegistryEntity
    extends EventSourcedBehaviorWithEnforcedReplies<SubnetRegistryEntity.Command, NetworkEvent, SubnetRegistry> {
  /** The persistence id of the one registry. */
  public static final PersistenceId PERSISTENCE_ID = PersistenceId.ofUniqueId("SubnetRegistry|network");

  /** What the registry accepts. */
  public sealed interface Command {}

  /**
   * Creates a subnet owned by {@code ownerColdkey}, with {@code ownerHotkey} at UID 0, paying the
   * current lock from the owner's account under {@code lockOperationId}; replies with the netuid,
   * or why not. Repeating a creation under the same key answers the same netuid and pays nothing
   * again.
   */
  public record CreateSubnet(
      String ownerColdkey, String ownerHotkey, String lockOperationId, ActorRef<StatusReply<Integer>> replyTo)
      implements Command {}

  /** Replies with every subnet that exists and the price of the next one. */
  public record ListSubnets(ActorRef<Subnets> replyTo) implements Command {}

  /** The subnets that exist, by netuid order, and the lock a new one costs now. */
  public record Subnets(List<SubnetCreationStarted> subnets, long nextLockCost, long block) {
    public Subnets {
      subnets = List.copyOf(subnets);
    }
  }

  /** Block {@code block} was produced. */
  public record BlockTick(long block) implements Command {}

  private record LockAnswered(int netuid, String refusal, boolean delivered)
      implements Command, NoSerializationVerificationNeeded {}

  private record RetryLock(int netuid) implements Command, NoSerializationVerificationNeeded {}

  private final RegistryRules rules;
  private final Accounts accounts;
  private final BiConsumer<SubnetCreationStarted, Long> tickSubnet;
  private final Duration retryAfter;
  private final ActorContext<Command> context;
  private final TimerScheduler<Command> timers;
  private final Map<Integer, List<ActorRef<StatusReply<Integer>>>> waiting = new HashMap<>();
  private long block;

  private SubnetRegistryEntity(
      RegistryRules rules,
      Accounts accounts,
      BiConsumer<SubnetCreationStarted, Long> tickSubnet,
      Duration retryAfter,
      ActorContext<Command> context,
      TimerScheduler<Command> timers) {
    super(PERSISTENCE_ID);
    this.rules = rules;
    this.accounts = accounts;
    this.tickSubnet = tickSubnet;
    this.retryAfter = retryAfter;
    this.context = context;
    this.timers = timers;
  }

  /**
   * The registry under {@code rules}, paying locks through {@code accounts} and passing each tick
   * to every subnet through {@code tickSubnet(subnet, block)}.
   */
  public static Behavior<Command> create(
      RegistryRules rules, Accounts accounts, BiConsumer<SubnetCreationStarted, Long> tickSubnet, Duration retryAfter) {
    return Behaviors.setup(
        context ->
            Behaviors.withTimers(
                timers -> new SubnetRegistryEntity(rules, accounts, tickSubnet, retryAfter, context, timers)));
  }

  @Override
  public SubnetRegistry emptyState() {
    return new SubnetRegistry(rules);
  }

  @Override
  public CommandHandlerWithReply<Command, NetworkEvent, SubnetRegistry> commandHandler() {
    return newCommandHandlerWithReplyBuilder()
        .forAnyState()
        .onCommand(CreateSubnet.class, this::onCreate)
        .onCommand(ListSubnets.class, (registry, list) -> Effect().reply(list.replyTo(), subnets(registry)))
        .onCommand(BlockTick.class, this::onTick)
        .onCommand(LockAnswered.class, this::onLockAnswered)
        .onCommand(RetryLock.class, this::onRetryLock)
        .build();
  }

  private ReplyEffect<NetworkEvent, SubnetRegistry> onCreate(SubnetRegistry registry, CreateSubnet create) {
    Decision<NetworkEvent> decision = registry.decideStart(create.ownerColdkey(), create.ownerHotkey(), create.lockOperationId(), block);
    if (decision instanceof Decision.Accept<NetworkEvent> accept) {
      SubnetCreationStarted started = (SubnetCreationStarted) accept.events().get(0);
      waiting.computeIfAbsent(started.netuid(), n -> new ArrayList<>()).add(create.replyTo());
      return Effect().persist(started).thenRun(r -> askLock(started)).thenNoReply();
    }
    if (decision instanceof Decision.Reject<NetworkEvent> reject) {
      return Effect().reply(create.replyTo(), StatusReply.error(reject.reason()));
    }
    SubnetCreationStarted earlier = registry.startedBy(create.lockOperationId());
    if (registry.exists(earlier.netuid())) {
      return Effect().reply(create.replyTo(), StatusReply.success(earlier.netuid()));
    }
    waiting.computeIfAbsent(earlier.netuid(), n -> new ArrayList<>()).add(create.replyTo());
    return Effect().noReply();
  }

  private ReplyEffect<NetworkEvent, SubnetRegistry> onTick(SubnetRegistry registry, BlockTick tick) {
    block = Math.max(block, tick.block());
    registry.subnets().values().forEach(subnet -> tickSubnet.accept(subnet, tick.block()));
    return Effect().noReply();
  }

  private ReplyEffect<NetworkEvent, SubnetRegistry> onLockAnswered(SubnetRegistry registry, LockAnswered answer) {
    if (!answer.delivered()) {
      context.getLog().warn("lock of subnet {} not confirmed ({}); asking again in {}", answer.netuid(), answer.refusal(), retryAfter);
      timers.startSingleTimer(new RetryLock(answer.netuid()), retryAfter);
      return Effect().noReply();
    }
    Decision<NetworkEvent> decision = registry.decideLockAnswer(answer.netuid(), answer.refusal(), block);
    if (!(decision instanceof Decision.Accept<NetworkEvent> accept)) {
      return Effect().noReply();
    }
    NetworkEvent outcome = accept.events().get(0);
    List<ActorRef<StatusReply<Integer>>> repliers = waiting.getOrDefault(answer.netuid(), List.of());
    waiting.remove(answer.netuid());
    StatusReply<Integer> reply =
        outcome instanceof SubnetCreationFailed failed
            ? StatusReply.error("the lock was refused: " + failed.reason())
            : StatusReply.success(answer.netuid());
    return Effect().persist(outcome).thenRun(r -> repliers.forEach(replier -> replier.tell(reply))).thenNoReply();
  }

  private ReplyEffect<NetworkEvent, SubnetRegistry> onRetryLock(SubnetRegistry registry, RetryLock retry) {
    registry.pending().stream().filter(p -> p.netuid() == retry.netuid()).forEach(this::askLock);
    return Effect().noReply();
  }

  /** Asks the owner's account for the lock; a refusal is final, a failure to get an answer is retried. */
  private void askLock(SubnetCreationStarted started) {
    LockForSubnet lock = new LockForSubnet(started.lockOperationId(), started.netuid(), started.lockCost(), started.block());
    context.pipeToSelf(
        accounts.execute(started.ownerColdkey(), lock),
        (StatusReply<AccountEntity.Balance> reply, Throwable failure) ->
            failure != null
                ? new LockAnswered(started.netuid(), failure.toString(), false)
                : new LockAnswered(started.netuid(), reply.isError() ? reply.getError().getMessage() : null, true));
  }

  @Override
  public EventHandler<SubnetRegistry, NetworkEvent> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(this::applyEvent);
  }

  private SubnetRegistry applyEvent(SubnetRegistry registry, NetworkEvent event) {
    block = Math.max(block, event.block());
    return registry.apply(event);
  }

  @Override
  public SignalHandler<SubnetRegistry> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), registry -> registry.pending().forEach(this::askLock))
        .build();
  }

  private Subnets subnets(SubnetRegistry registry) {
    return new Subnets(List.copyOf(registry.subnets().values()), registry.lockCost(block), block);
  }

}

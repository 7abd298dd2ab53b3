package io.taofabric.deploy.gateway;

import io.taofabric.actors.ledger.AccountEntity;
import io.taofabric.actors.network.SubnetRegistryEntity;
import io.taofabric.actors.participant.MinerEntity;
import io.taofabric.actors.subnet.SubnetEntity;
import io.taofabric.core.subnet.Metagraph;
import io.taofabric.core.tx.KeyDirectory;
import io.taofabric.core.tx.SignedTransaction;
import io.taofabric.core.tx.Transaction;
import io.taofabric.core.tx.TransactionVerifier;
import io.taofabric.core.tx.Verification;
import io.taofabric.deploy.node.NodeEntities;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.pattern.StatusReply;

/**
 * {@code POST /v1/transactions}: a signed transaction is decoded, checked and only then handed to
 * the entity that applies it. In order: the body must decode ({@link TransactionBody}, else 400);
 * a gateway already working on as many transactions as {@link InFlightLimit} allows answers 503
 * {@code busy} at once; an id this gateway accepted within the freshness window is a replay (409, before anything is
 * spent); a transaction on a subnet needs a subnet that exists (404), whose metagraph answers the verifier's
 * {@link KeyDirectory}; then {@link TransactionVerifier}: nonce freshness, signature, signer role,
 * the signer's rate limit (401, 403, 429); then the id is remembered and the {@link Operation}
 * asked of its entity. The entity's refusal is {@link EntityRefusals}' kind of error, its silence a
 * 503. An error at any step has changed nothing.
 *
 * <p>After a 503 the id of an operation the entity applies once by id (transfer, stake, register,
 * subnet creation) is forgotten, so the client may send the same transaction again and learn its
 * outcome; a direct command's stays remembered, since its fate is unknown and a second copy could
 * be applied twice.
 */
final class TransactionDesk {
  private final NetworkReads reads;
  private final NodeEntities entities;
  private final ActorSystem<?> system;
  private final TransactionVerifier verifier;
  private final AcceptedIds accepted;
  private final InFlightLimit inFlight;
  private final long toleranceMicros;
  private final LongSupplier clockMicros;
  private final Duration timeout;

  TransactionDesk(
      NetworkReads reads,
      NodeEntities entities,
      ActorSystem<?> system,
      TransactionVerifier verifier,
      AcceptedIds accepted,
      InFlightLimit inFlight,
      long toleranceMicros,
      LongSupplier clockMicros,
      Duration timeout) {
    this.reads = reads;
    this.entities = entities;
    this.system = system;
    this.verifier = verifier;
    this.accepted = accepted;
    this.inFlight = inFlight;
    this.toleranceMicros = toleranceMicros;
    this.clockMicros = clockMicros;
    this.timeout = timeout;
  }

  /** The answer to {@code body}. */
  CompletionStage<Reply> submit(byte[] body) {
    SignedTransaction signed;
    try {
      signed = TransactionBody.decode(body);
    } catch (IllegalArgumentException e) {
      return done(ApiError.malformed(e.getMessage()));
    }
    if (!inFlight.tryEnter()) {
      return done(
          new ApiError(503, "busy", "this gateway is working on " + inFlight.max() + " transactions already: retry in a moment", 1));
    }
    return checkAndPerform(signed).whenComplete((reply, failure) -> inFlight.leave());
  }

  private CompletionStage<Reply> checkAndPerform(SignedTransaction signed) {
    if (accepted.contains(signed.id(), clockMicros.getAsLong())) {
      return done(replayed(signed.id()));
    }
    if (!(signed.transaction() instanceof Transaction.OnSubnet onSubnet)) {
      ApiError refusal = verify(signed, NO_SUBNET);
      return refusal != null ? done(refusal) : perform(signed, null);
    }
    int netuid = onSubnet.netuid();
    return reads.existing(netuid)
        .thenCompose(
            metagraph -> {
              if (metagraph.isEmpty()) {
                return done(ApiError.unknownSubnet(netuid));
              }
              ApiError refusal = verify(signed, directory(metagraph.get()));
              return refusal != null ? done(refusal) : perform(signed, metagraph.get());
            })
        .exceptionally(failure -> Reply.failed(ApiError.noAnswer("subnet " + netuid + " did not answer in time; nothing was applied")));
  }

  /** The verifier's refusal (or the replay window's), or null once the id is remembered. */
  private ApiError verify(SignedTransaction signed, KeyDirectory keys) {
    long now = clockMicros.getAsLong();
    Verification verdict = verifier.verify(signed, now, keys);
    if (verdict instanceof Verification.Refused refused) {
      return ApiError.of(refused);
    }
    AcceptedIds.Outcome outcome = accepted.record(signed.id(), signed.nonce() + toleranceMicros, now);
    if (outcome == AcceptedIds.Outcome.SEEN) {
      return replayed(signed.id());
    }
    if (outcome == AcceptedIds.Outcome.FULL) {
      return new ApiError(503, "busy", "this gateway holds as many recent transactions as it may: retry in a moment", 1);
    }
    return null;
  }

  /** Asks the entity; {@code metagraph} is the subnet's as checked, null for a transaction on no subnet. */
  private CompletionStage<Reply> perform(SignedTransaction signed, Metagraph metagraph) {
    CompletionStage<Long> block =
        metagraph != null
            ? CompletableFuture.completedFuture(metagraph.block())
            : signed.transaction() instanceof Transaction.Transfer ? reads.height() : CompletableFuture.completedFuture(0L);
    return block
        .thenCompose(
            b -> {
              Operation operation = Operation.of(signed, b);
              return ask(signed, operation).exceptionally(failure -> noAnswer(signed, operation.idempotent()));
            })
        // only the clock's height can fail here, for a transfer, before anything was asked
        .exceptionally(failure -> noAnswer(signed, true));
  }

  private CompletionStage<Reply> ask(SignedTransaction signed, Operation operation) {
    if (operation instanceof Operation.Transfer t) {
      return settle(
          signed,
          operation,
          entities.ledger().account(t.request().from()).<StatusReply<AccountEntity.Balance>>ask(
              r -> new AccountEntity.Execute(t.request().send(), r), timeout),
          balance -> Map.of());
    } else if (operation instanceof Operation.StakeMove s) {
      return settle(
          signed,
          operation,
          entities.network().subnet(s.netuid()).<StatusReply<Done>>ask(
              r ->
                  s.add()
                      ? new SubnetEntity.Stake(s.hotkey(), s.coldkey(), s.amount(), s.operationId(), r)
                      : new SubnetEntity.Unstake(s.hotkey(), s.coldkey(), s.amount(), s.operationId(), r),
              timeout),
          done -> Map.of());
    } else if (operation instanceof Operation.CreateSubnet c) {
      return settle(
          signed,
          operation,
          AskPattern.<SubnetRegistryEntity.Command, StatusReply<Integer>>ask(
              entities.network().registry(),
              r -> new SubnetRegistryEntity.CreateSubnet(c.ownerColdkey(), c.ownerHotkey(), c.operationId(), r),
              timeout,
              system.scheduler()),
          netuid -> Map.of("netuid", netuid));
    } else if (operation instanceof Operation.Register g) {
      return settle(
          signed,
          operation,
          entities.network().subnet(g.netuid()).<StatusReply<Integer>>ask(
              r -> new SubnetEntity.RegisterNeuron(g.hotkey(), g.coldkey(), g.operationId(), r), timeout),
          uid -> Map.of("netuid", g.netuid(), "uid", uid));
    } else if (operation instanceof Operation.Serve s) {
      return settle(
          signed,
          operation,
          entities.network().miner(s.netuid(), s.hotkey()).<StatusReply<Done>>ask(r -> new MinerEntity.Serve(s.endpoint(), r), timeout),
          done -> Map.of());
    }
    Operation.Direct d = (Operation.Direct) operation;
    return settle(
        signed,
        operation,
        entities.network().subnet(d.netuid()).<StatusReply<Done>>ask(r -> new SubnetEntity.Execute(d.command(), r), timeout),
        done -> Map.of());
  }

  private <T> CompletionStage<Reply> settle(
      SignedTransaction signed, Operation operation, CompletionStage<StatusReply<T>> asked, Function<T, Map<String, Object>> details) {
    return asked.thenApply(
        reply -> {
          if (reply.isError()) {
            ApiError error = EntityRefusals.classify(reply.getError().getMessage());
            if (error.status() == 503 && operation.idempotent()) {
              accepted.forget(signed.id());
            }
            return Reply.failed(error);
          }
          Map<String, Object> json = new LinkedHashMap<>();
          json.put("id", signed.id());
          json.put("status", "applied");
          json.put("type", operation.type());
          json.putAll(details.apply(reply.getValue()));
          return Reply.ok(json);
        });
  }

  private Reply noAnswer(SignedTransaction signed, boolean idempotent) {
    if (idempotent) {
      accepted.forget(signed.id());
      return Reply.failed(
          ApiError.noAnswer(
              "the network did not answer in time; send the same transaction " + signed.id()
                  + " again to learn its outcome (it is applied at most once)"));
    }
    return Reply.failed(
        ApiError.noAnswer(
            "the network did not answer in time; transaction " + signed.id()
                + " may or may not be applied: read the state before signing it again"));
  }

  private static ApiError replayed(String id) {
    return ApiError.of(409, "replayed", "transaction " + id + " was already accepted by this gateway: sign a new one (a new nonce)");
  }

  private static CompletionStage<Reply> done(ApiError error) {
    return CompletableFuture.completedFuture(Reply.failed(error));
  }

  /** The keys of a subnet as its metagraph lists them. */
  private static KeyDirectory directory(Metagraph metagraph) {
    return new KeyDirectory() {
      @Override
      public String subnetOwner(int netuid) {
        return netuid == metagraph.netuid() ? metagraph.ownerColdkey() : null;
      }

      @Override
      public boolean isRegistered(int netuid, String hotkey) {
        return netuid == metagraph.netuid() && metagraph.neurons().stream().anyMatch(row -> row.hotkey().equals(hotkey));
      }
    };
  }

  /** A transaction on no subnet needs no role beyond its own coldkey: the verifier never asks. */
  private static final KeyDirectory NO_SUBNET =
      new KeyDirectory() {
        @Override
        public String subnetOwner(int netuid) {
          return null;
        }

        @Override
        public boolean isRegistered(int netuid, String hotkey) {
          return false;
        }
      };
}

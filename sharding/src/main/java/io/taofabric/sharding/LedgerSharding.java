package io.taofabric.sharding;

import io.taofabric.actors.ledger.AccountEntity;
import io.taofabric.actors.ledger.Accounts;
import io.taofabric.actors.ledger.SettlementEntity;
import java.time.Duration;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

/**
 * The ledger's entities in Cluster Sharding: one writer per coldkey account and per subnet
 * settlement record, wherever in the cluster it runs. A transfer is its sender's account's to
 * carry out (see {@link AccountEntity}).
 */
public final class LedgerSharding {
  /** Sharded coldkey accounts. */
  public static final EntityTypeKey<AccountEntity.Command> ACCOUNT =
      EntityTypeKey.create(AccountEntity.Command.class, AccountEntity.TYPE);

  /** Sharded subnet settlement records. */
  public static final EntityTypeKey<SettlementEntity.Command> SETTLEMENT =
      EntityTypeKey.create(SettlementEntity.Command.class, SettlementEntity.TYPE);

  private final ClusterSharding sharding;
  private final Accounts accounts;

  private LedgerSharding(ClusterSharding sharding, Accounts accounts) {
    this.sharding = sharding;
    this.accounts = accounts;
  }

  /**
   * Registers the ledger's entity types on this node.
   *
   * @param askTimeout how long a credit waits for an account's reply
   * @param creditRetry how long a settlement or a transfer's sender waits before repeating an unconfirmed credit
   */
  public static LedgerSharding init(ActorSystem<?> system, Duration askTimeout, Duration creditRetry) {
    ClusterSharding sharding = ClusterSharding.get(system);
    Accounts accounts =
        (coldkey, command) ->
            sharding.entityRefFor(ACCOUNT, coldkey).ask(replyTo -> new AccountEntity.Execute(command, replyTo), askTimeout);
    sharding.init(Entity.of(ACCOUNT, context -> AccountEntity.create(context.getEntityId(), accounts, creditRetry)));
    sharding.init(
        Entity.of(
            SETTLEMENT,
            context -> SettlementEntity.create(Integer.parseInt(context.getEntityId()), accounts, creditRetry)));
    return new LedgerSharding(sharding, accounts);
  }

  /** Accounts by coldkey. */
  public Accounts accounts() {
    return accounts;
  }

  /** The account of {@code coldkey}. */
  public EntityRef<AccountEntity.Command> account(String coldkey) {
    return sharding.entityRefFor(ACCOUNT, coldkey);
  }

  /** The settlement record of {@code netuid}. */
  public EntityRef<SettlementEntity.Command> settlement(int netuid) {
    return sharding.entityRefFor(SETTLEMENT, Integer.toString(netuid));
  }
}

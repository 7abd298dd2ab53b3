package io.taofabric.persistence.readmodel;

import io.taofabric.core.ledger.Account;
import io.taofabric.core.ledger.AccountEvent;
import io.taofabric.core.ledger.LedgerSummary.AccountBalance;
import io.taofabric.persistence.ledger.LedgerJournal;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import net.openhft.chronicle.map.ChronicleMap;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.stream.javadsl.Source;

/**
 * Every account's free balance and stakes, projected from the {@code Account|<coldkey>} journals
 * into a Chronicle Map persisted to a file, so a balance read is a local hash lookup instead of a
 * journal replay. Each entry holds the balances together with the sequence number of the last
 * event folded into them ({@link BalanceCodec}); an event at or below it is skipped, so
 * redelivery and replays from an older offset never count twice, and a restart catches up from
 * where the file left off. Events are folded by {@link Account#apply}, the same rule the entities
 * and {@link io.taofabric.core.ledger.LedgerReplay} use.
 *
 * <p>One process owns the file at a time: {@link #open} takes an OS lock on a sibling
 * {@code <file>.owner} marker, which {@link #close} removes. A marker left behind means the last
 * owner died with the map open, possibly holding a segment lock or halfway through a write, so
 * the map is then opened through Chronicle Map's recovery, which clears such locks and drops
 * entries whose checksum fails; a dropped account has lost its offset with its balances and is
 * rebuilt whole from its journal by the next {@link #catchUp}.
 *
 * <p>Reads and {@link #apply} are safe from any thread; {@link #close} must come after the last
 * of them.
 */
public final class BalanceReadModel implements AutoCloseable {
  private static final String ACCOUNT_PREFIX = LedgerJournal.ACCOUNT + "|";
  private static final int PARALLEL_JOURNALS = 8;
  /** Coldkeys are SS58 addresses, 48 characters. */
  private static final int AVERAGE_COLDKEY_BYTES = 48;
  /** Sizing guess: two stakes on SS58 hotkeys; larger values take more chunks, nothing fails. */
  private static final int AVERAGE_VALUE_BYTES = BalanceCodec.size(2, 48);
  private static final AccountBalance NOTHING = new AccountBalance(0, Map.of());

  private final ChronicleMap<String, byte[]> accounts;
  private final Path ownerMarker;
  private final FileChannel owner;
  private final List<String> recoveryReport;

  private BalanceReadModel(
      ChronicleMap<String, byte[]> accounts, Path ownerMarker, FileChannel owner, List<String> recoveryReport) {
    this.accounts = accounts;
    this.ownerMarker = ownerMarker;
    this.owner = owner;
    this.recoveryReport = List.copyOf(recoveryReport);
  }

  /**
   * Opens the read model stored in {@code file}, creating it if absent, or recovering it if its
   * last owner did not close it.
   *
   * @param expectedAccounts how many coldkeys the map is sized for (e.g. 1,000,000); only used
   *     when the file is created, later opens keep the size it was created with
   * @throws IllegalStateException if another process, or another model in this JVM, has it open
   */
  public static BalanceReadModel open(Path file, long expectedAccounts) throws IOException {
    Path marker = file.resolveSibling(file.getFileName() + ".owner");
    boolean uncleanShutdown = Files.exists(marker) && Files.exists(file);
    FileChannel owner = FileChannel.open(marker, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      lock(owner, file);
      var builder =
          ChronicleMap.of(String.class, byte[].class)
              .name("balances")
              .entries(expectedAccounts)
              .averageKeySize(AVERAGE_COLDKEY_BYTES)
              .averageValueSize(AVERAGE_VALUE_BYTES);
      List<String> report = new ArrayList<>();
      ChronicleMap<String, byte[]> accounts =
          uncleanShutdown
              ? builder.recoverPersistedTo(file.toFile(), true, corruption -> report.add(corruption.message()))
              : builder.createPersistedTo(file.toFile());
      return new BalanceReadModel(accounts, marker, owner, report);
    } catch (IOException | RuntimeException e) {
      owner.close();
      throw e;
    }
  }

  private static void lock(FileChannel owner, Path file) throws IOException {
    FileLock lock;
    try {
      lock = owner.tryLock();
    } catch (OverlappingFileLockException e) {
      throw new IllegalStateException("read model " + file + " is already open in this JVM", e);
    }
    if (lock == null) {
      throw new IllegalStateException("read model " + file + " is open in another process");
    }
  }

  /**
   * What recovery found when this open followed an unclean shutdown (stale locks, dropped
   * entries); empty after a clean one.
   */
  public List<String> recoveryReport() {
    return recoveryReport;
  }

  /**
   * Folds event {@code sequenceNr} of journal {@code persistenceId} into its account, unless the
   * account already holds that offset.
   *
   * @return whether the event was applied (false: already applied)
   * @throws IllegalArgumentException if {@code persistenceId} is not an account journal
   * @throws IllegalStateException if events between the stored offset and this one are missing,
   *     which would leave the balance silently wrong
   * @throws CorruptBalanceException if the stored account does not decode
   */
  public boolean apply(String persistenceId, long sequenceNr, AccountEvent event) {
    String coldkey = coldkeyOf(persistenceId);
    if (sequenceNr < 1) {
      throw new IllegalArgumentException("sequence number " + sequenceNr + " of " + persistenceId + " is below 1");
    }
    boolean[] applied = {false};
    // compute holds the entry's segment lock across read, fold and write: concurrent applies to
    // one account cannot interleave, and a refusal below leaves the entry as it was.
    accounts.compute(
        coldkey,
        (key, value) -> {
          BalanceCodec.Stored stored = value == null ? BalanceCodec.Stored.EMPTY : BalanceCodec.decode(key, value);
          if (sequenceNr <= stored.sequenceNr()) {
            return value;
          }
          if (sequenceNr != stored.sequenceNr() + 1) {
            throw new IllegalStateException(
                persistenceId + ": event " + sequenceNr + " arrived after " + stored.sequenceNr() + ", events are missing");
          }
          Account account =
              Account.restore(new Account.Snapshot(key, stored.free(), stored.stakes(), List.of(), List.of())).apply(event);
          applied[0] = true;
          return BalanceCodec.encode(sequenceNr, account.free(), account.stakes());
        });
    return applied[0];
  }

  /**
   * Brings every account journal in {@code persistenceIds} up to date: each is read from its
   * stored offset + 1 and applied. Other journals (settlements, subnets) are skipped.
   *
   * @param eventsFrom a journal's events from a sequence number on, e.g. {@code (pid, from) ->
   *     readJournal.currentEventsByPersistenceId(pid, from, Long.MAX_VALUE)}
   * @return the number of events applied (redelivered ones not counted)
   */
  public CompletionStage<Long> catchUp(
      Source<String, NotUsed> persistenceIds,
      BiFunction<String, Long, Source<EventEnvelope, NotUsed>> eventsFrom,
      ActorSystem<?> system) {
    return persistenceIds
        .filter(id -> id.startsWith(ACCOUNT_PREFIX))
        .flatMapMerge(PARALLEL_JOURNALS, id -> eventsFrom.apply(id, offset(id) + 1))
        .runFold(0L, (applied, envelope) -> apply(envelope) ? applied + 1 : applied, system);
  }

  private boolean apply(EventEnvelope envelope) {
    if (!(envelope.event() instanceof AccountEvent event)) {
      throw new IllegalStateException(
          "journal " + envelope.persistenceId() + " holds " + envelope.event().getClass().getName()
              + ", not an account event");
    }
    return apply(envelope.persistenceId(), envelope.sequenceNr(), event);
  }

  /**
   * The free balance and stakes of {@code coldkey}; no stakes and zero free for an account the
   * model has no event of.
   *
   * @throws CorruptBalanceException if the stored account does not decode
   */
  public AccountBalance balance(String coldkey) {
    byte[] value = accounts.get(coldkey);
    if (value == null) {
      return NOTHING;
    }
    BalanceCodec.Stored stored = BalanceCodec.decode(coldkey, value);
    return new AccountBalance(stored.free(), stored.stakes());
  }

  /**
   * The sequence number of the last event applied from account journal {@code persistenceId}, 0
   * if none.
   *
   * @throws CorruptBalanceException if the stored account does not decode
   */
  public long offset(String persistenceId) {
    String coldkey = coldkeyOf(persistenceId);
    byte[] value = accounts.get(coldkey);
    return value == null ? 0 : BalanceCodec.decode(coldkey, value).sequenceNr();
  }

  /** The number of accounts held. */
  public long size() {
    return accounts.longSize();
  }

  /** Closes the map and gives up ownership of its file. A second call does nothing. */
  @Override
  public void close() throws IOException {
    if (!owner.isOpen()) {
      return;
    }
    accounts.close();
    // The marker goes only after a clean close: its presence at the next open means recovery.
    Files.deleteIfExists(ownerMarker);
    owner.close();
  }

  private static String coldkeyOf(String persistenceId) {
    if (!persistenceId.startsWith(ACCOUNT_PREFIX) || persistenceId.length() == ACCOUNT_PREFIX.length()) {
      throw new IllegalArgumentException(persistenceId + " is not an account journal (" + ACCOUNT_PREFIX + "<coldkey>)");
    }
    return persistenceId.substring(ACCOUNT_PREFIX.length());
  }
}

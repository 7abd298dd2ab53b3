package io.taofabric.core.subnet;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Commit–reveal of weights for one hotkey: a validator first commits a hash of its weights and a
 * salt, and may reveal them only once the reveal delay has passed, before the commit expires. Until
 * then nobody, a weight copier least of all, can see them. Immutable.
 *
 * <p>The hash is SHA-256 over the hotkey, the subnet, the targets and values (each as 4-byte
 * big-endian ints) and the salt, so a commit cannot be replayed for another hotkey or subnet.
 */
public final class WeightCommits {
  /** The most unrevealed commits one hotkey may hold. */
  public static final int MAX_PENDING = 10;

  private final List<Commit> pending;

  /** A commit: its hash and the block it was made at. */
  public record Commit(String hash, long block) {}

  /** No commits. */
  public static final WeightCommits NONE = new WeightCommits(List.of());

  private WeightCommits(List<Commit> pending) {
    this.pending = List.copyOf(pending);
  }

  /** The commits a snapshot stored, oldest first. */
  static WeightCommits of(List<Commit> pending) {
    return new WeightCommits(pending);
  }

  /** The commit hash of revealing {@code targets}/{@code values} with {@code salt}. */
  public static String hash(String hotkey, int netuid, int[] targets, int[] values, byte[] salt) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(hotkey.getBytes(StandardCharsets.UTF_8));
      ByteBuffer numbers = ByteBuffer.allocate(4 * (2 + targets.length + values.length));
      numbers.putInt(netuid).putInt(targets.length);
      for (int t : targets) {
        numbers.putInt(t);
      }
      for (int v : values) {
        numbers.putInt(v);
      }
      digest.update(numbers.array());
      digest.update(salt);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Unrevealed commits, oldest first. */
  public List<Commit> pending() {
    return pending;
  }

  /** Why committing {@code hash} at {@code block} is refused, or null. */
  public String commitRefusal(String hash, long block, CommitRevealWindow window) {
    if (!hash.matches("[0-9a-f]{64}")) {
      return "a commit is a SHA-256 hash in hex";
    }
    if (live(block, window).size() >= MAX_PENDING) {
      return MAX_PENDING + " commits are already waiting to be revealed";
    }
    for (Commit c : pending) {
      if (c.hash().equals(hash)) {
        return "this hash is already committed";
      }
    }
    return null;
  }

  /** These commits plus {@code hash} at {@code block}, less the expired. */
  public WeightCommits commit(String hash, long block, CommitRevealWindow window) {
    List<Commit> next = new ArrayList<>(live(block, window));
    next.add(new Commit(hash, block));
    return new WeightCommits(next);
  }

  /**
   * The commit a reveal of {@code hash} at {@code block} matches, or the reason it matches none:
   * unknown (or expired), or too early.
   */
  public RevealMatch match(String hash, long block, CommitRevealWindow window) {
    for (Commit c : live(block, window)) {
      if (c.hash().equals(hash)) {
        if (block < window.revealFrom(c.block())) {
          return new RevealMatch(null, "too early: reveal from block " + window.revealFrom(c.block()));
        }
        return new RevealMatch(c, null);
      }
    }
    return new RevealMatch(null, "the revealed weights match no live commit");
  }

  /** The outcome of matching a reveal: the commit, or why there is none. */
  public record RevealMatch(Commit commit, String refusal) {}

  /** These commits without {@code revealed} and without those expired at {@code block}. */
  public WeightCommits reveal(Commit revealed, long block, CommitRevealWindow window) {
    List<Commit> next = new ArrayList<>(live(block, window));
    next.remove(revealed);
    return new WeightCommits(next);
  }

  /** The earliest block of a commit still live at {@code block}, or {@link Long#MAX_VALUE}. */
  public long earliestLive(long block, CommitRevealWindow window) {
    List<Commit> live = live(block, window);
    return live.isEmpty() ? Long.MAX_VALUE : live.get(0).block();
  }

  private List<Commit> live(long block, CommitRevealWindow window) {
    List<Commit> live = new ArrayList<>(pending.size());
    for (Commit c : pending) {
      if (block < window.expiresAt(c.block())) {
        live.add(c);
      }
    }
    return live;
  }

  /** Equal when the same commits are pending, in the same order. */
  @Override
  public boolean equals(Object o) {
    return o instanceof WeightCommits c && pending.equals(c.pending);
  }

  @Override
  public int hashCode() {
    return pending.hashCode();
  }

  @Override
  public String toString() {
    return "WeightCommits" + pending;
  }

  /**
   * When a commit may be revealed: from {@code delayBlocks} after it, for {@code windowBlocks}.
   * On mainnet the delay is one tempo (reveal period of one epoch).
   */
  public record CommitRevealWindow(long delayBlocks, long windowBlocks) {
    /** Validates the values. */
    public CommitRevealWindow {
      if (delayBlocks < 0 || windowBlocks < 1) {
        throw new IllegalArgumentException("reveal delay must be >= 0 and the window >= 1 block");
      }
    }

    long revealFrom(long commitBlock) {
      return commitBlock + delayBlocks;
    }

    long expiresAt(long commitBlock) {
      return commitBlock + delayBlocks + windowBlocks;
    }
  }
}

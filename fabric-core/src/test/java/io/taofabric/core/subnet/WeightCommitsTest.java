package io.taofabric.core.subnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.taofabric.core.subnet.WeightCommits.CommitRevealWindow;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WeightCommitsTest {
  private static final CommitRevealWindow WINDOW = new CommitRevealWindow(360, 360);
  private static final byte[] SALT = "pepper".getBytes(StandardCharsets.UTF_8);
  private static final int[] TARGETS = {3, 4};
  private static final int[] VALUES = {65_535, 20_000};
  private static final String HASH = WeightCommits.hash("hk0", 1, TARGETS, VALUES, SALT);

  @Test
  void shouldRevealOnlyInsideTheWindowAndOnlyOnce() {
    WeightCommits c = WeightCommits.NONE.commit(HASH, 1_000, WINDOW);
    assertEquals("too early: reveal from block 1360", c.match(HASH, 1_359, WINDOW).refusal());
    WeightCommits.RevealMatch match = c.match(HASH, 1_360, WINDOW);
    assertNull(match.refusal());
    WeightCommits after = c.reveal(match.commit(), 1_360, WINDOW);
    assertEquals("the revealed weights match no live commit", after.match(HASH, 1_361, WINDOW).refusal());
  }

  @Test
  void shouldLetUnrevealedCommitsExpire() {
    WeightCommits c = WeightCommits.NONE.commit(HASH, 1_000, WINDOW);
    assertEquals(1_000, c.earliestLive(1_719, WINDOW));
    assertEquals("the revealed weights match no live commit", c.match(HASH, 1_720, WINDOW).refusal());
    assertEquals(Long.MAX_VALUE, c.earliestLive(1_720, WINDOW));
  }

  @Test
  void shouldBindTheHashToHotkeySubnetWeightsAndSalt() {
    assertNotEquals(HASH, WeightCommits.hash("hk1", 1, TARGETS, VALUES, SALT), "another hotkey");
    assertNotEquals(HASH, WeightCommits.hash("hk0", 2, TARGETS, VALUES, SALT), "another subnet");
    assertNotEquals(HASH, WeightCommits.hash("hk0", 1, TARGETS, new int[] {65_535, 20_001}, SALT), "other weights");
    assertNotEquals(HASH, WeightCommits.hash("hk0", 1, TARGETS, VALUES, "salt".getBytes(StandardCharsets.UTF_8)), "other salt");
    WeightCommits c = WeightCommits.NONE.commit(HASH, 1_000, WINDOW);
    String wrongSalt = WeightCommits.hash("hk0", 1, TARGETS, VALUES, "salt".getBytes(StandardCharsets.UTF_8));
    assertEquals("the revealed weights match no live commit", c.match(wrongSalt, 1_400, WINDOW).refusal());
  }

  @Test
  void shouldRefuseMalformedRepeatedOrTooManyCommits() {
    assertEquals("a commit is a SHA-256 hash in hex", WeightCommits.NONE.commitRefusal("xyz", 1, WINDOW));
    WeightCommits c = WeightCommits.NONE.commit(HASH, 1_000, WINDOW);
    assertEquals("this hash is already committed", c.commitRefusal(HASH, 1_001, WINDOW));
    for (int i = 0; i < WeightCommits.MAX_PENDING - 1; i++) {
      c = c.commit(WeightCommits.hash("hk0", 1, TARGETS, new int[] {i, 1}, SALT), 1_001 + i, WINDOW);
    }
    String another = WeightCommits.hash("hk0", 1, TARGETS, new int[] {99, 1}, SALT);
    assertEquals("10 commits are already waiting to be revealed", c.commitRefusal(another, 1_100, WINDOW));
    assertNull(c.commitRefusal(another, 1_720, WINDOW), "the first commit expired, making room");
  }
}

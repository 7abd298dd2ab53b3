package io.taofabric.deploy.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InFlightLimitTest {
  @Test
  void shouldTurnAwayTheOneOverTheLimitUntilAPlaceIsGivenBack() {
    InFlightLimit limit = new InFlightLimit(2);
    assertTrue(limit.tryEnter());
    assertTrue(limit.tryEnter());
    assertFalse(limit.tryEnter());
    assertEquals(2, limit.current(), "a refusal takes no place");
    limit.leave();
    assertTrue(limit.tryEnter());
  }

  @Test
  void shouldNeverLetMoreInThanTheLimitFromManyThreads() throws InterruptedException {
    InFlightLimit limit = new InFlightLimit(3);
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    for (int i = 0; i < 8; i++) {
      pool.execute(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          return;
        }
        for (int n = 0; n < 20_000; n++) {
          if (limit.tryEnter()) {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            inside.decrementAndGet();
            limit.leave();
          }
        }
      });
    }
    start.countDown();
    pool.shutdown();
    assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    assertTrue(most.get() <= 3, "at most 3 at once, saw " + most.get());
    assertEquals(0, limit.current());
  }

  @Test
  void shouldRefuseALimitBelowOne() {
    assertThrows(IllegalArgumentException.class, () -> new InFlightLimit(0));
  }
}

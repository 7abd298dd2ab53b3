package io.taofabric.deploy.miner;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C or SIGTERM for a command that runs until stopped: the JVM's shutdown hook interrupts the
 * thread that installed it, then holds the JVM until {@link #close} says everything is stopped, so
 * the command's own clean-up (endpoint, driver) runs to its end instead of being cut off.
 */
final class StopSignal implements AutoCloseable {
  private static final long PATIENCE_MS = 30_000;

  private final CountDownLatch closed = new CountDownLatch(1);
  private final Thread hook;

  private StopSignal(Thread runner) {
    this.hook =
        new Thread(
            () -> {
              runner.interrupt();
              try {
                closed.await(PATIENCE_MS, TimeUnit.MILLISECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "miner-stop");
  }

  /** Interrupts the calling thread on Ctrl-C or SIGTERM, from now until {@link #close}. */
  static StopSignal install() {
    StopSignal signal = new StopSignal(Thread.currentThread());
    Runtime.getRuntime().addShutdownHook(signal.hook);
    return signal;
  }

  /** Everything is stopped: a waiting hook lets the JVM exit; otherwise the hook is removed. */
  @Override
  public void close() {
    closed.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook is the one waiting for this close
    }
  }
}

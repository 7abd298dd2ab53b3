package io.taofabric.transport;

import io.aeron.Aeron;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

/**
 * One node's embedded Aeron media driver and its client. The driver's files live under /dev/shm
 * when the machine has it (memory, not disk), and are deleted on start and close.
 */
public final class AeronNode implements AutoCloseable {
  /** How an idle duty cycle waits: the trade between latency and CPU. */
  public enum Idle {
    /** Never yields the core: lowest latency, one core per agent. */
    BUSY_SPIN,
    /** {@link Thread#yield()}: low latency, shares cores with other busy threads. */
    YIELDING,
    /** Spins, yields, then parks up to 1 ms: the default for small machines. */
    BACKOFF,
    /** Sleeps 1 ms: for idle nodes. */
    SLEEPING;

    /** A new strategy of this kind; strategies keep state, so each agent gets its own. */
    public IdleStrategy newStrategy() {
      return switch (this) {
        case BUSY_SPIN -> new BusySpinIdleStrategy();
        case YIELDING -> new YieldingIdleStrategy();
        case BACKOFF -> new BackoffIdleStrategy();
        case SLEEPING -> new SleepingMillisIdleStrategy(1);
      };
    }
  }

  /**
   * @param directory the driver's directory
   * @param threadingMode SHARED runs the driver's three agents on one thread (small machines)
   * @param idle how the driver and the node's agents wait
   * @param termLength bytes of each publication's term buffer (a power of two, 64 KiB to 1 GiB); a
   *     message may be at most an eighth of it
   */
  public record Settings(Path directory, ThreadingMode threadingMode, Idle idle, int termLength) {
    /** A fresh directory under /dev/shm (or the temp dir), SHARED threading, backoff, 64 KiB terms. */
    public static Settings defaults() {
      Path shm = Path.of("/dev/shm");
      Path base = Files.isDirectory(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
      return new Settings(base.resolve("taofabric-aeron-" + UUID.randomUUID()), ThreadingMode.SHARED, Idle.BACKOFF, 64 * 1024);
    }

    /** These settings with another idle strategy. */
    public Settings withIdle(Idle value) {
      return new Settings(directory, threadingMode, value, termLength);
    }

    /** The largest message a publication of this node carries. */
    public int maxMessageBytes() {
      return termLength / 8;
    }
  }

  private final Settings settings;
  private final MediaDriver driver;
  private final Aeron aeron;

  private AeronNode(Settings settings, MediaDriver driver, Aeron aeron) {
    this.settings = settings;
    this.driver = driver;
    this.aeron = aeron;
  }

  /** Starts the driver and connects a client to it. */
  public static AeronNode launch(Settings settings) {
    MediaDriver.Context context =
        new MediaDriver.Context()
            .aeronDirectoryName(settings.directory().toString())
            .threadingMode(settings.threadingMode())
            .sharedIdleStrategy(settings.idle().newStrategy())
            .conductorIdleStrategy(settings.idle().newStrategy())
            .senderIdleStrategy(settings.idle().newStrategy())
            .receiverIdleStrategy(settings.idle().newStrategy())
            .publicationTermBufferLength(settings.termLength())
            .ipcTermBufferLength(settings.termLength())
            .termBufferSparseFile(true)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true);
    MediaDriver driver = MediaDriver.launch(context);
    try {
      Aeron aeron =
          Aeron.connect(
              new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()).idleStrategy(settings.idle().newStrategy()));
      return new AeronNode(settings, driver, aeron);
    } catch (RuntimeException e) {
      driver.close();
      throw e;
    }
  }

  /** The client, shared by every endpoint and fan-out of this node. */
  public Aeron aeron() {
    return aeron;
  }

  /** The settings this node runs with. */
  public Settings settings() {
    return settings;
  }

  /** A new idle strategy of the node's kind, for one agent or polling loop. */
  public IdleStrategy newIdleStrategy() {
    return settings.idle().newStrategy();
  }

  @Override
  public void close() {
    aeron.close();
    driver.close();
  }
}

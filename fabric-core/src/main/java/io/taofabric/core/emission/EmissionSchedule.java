package io.taofabric.core.emission;

import java.math.BigInteger;

/**
 * Block emission as a function of block height alone: block {@code h} (from 1) mints {@link
 * BlockEmission#perBlock} of the scheduled issuance after block {@code h − 1}. Subnets receive
 * fixed shares of each block; a share nobody holds is never minted, so real issuance never exceeds
 * the schedule and the schedule never exceeds the 21M cap. Because the schedule depends on the
 * height only, any node computes the same epoch emission from the blocks it covers, with no shared
 * issuance counter to keep in step.
 */
public final class EmissionSchedule {
  /** A share of every block's emission is expressed in millionths. */
  public static final long SHARE_SCALE = 1_000_000L;

  private EmissionSchedule() {}

  /** The scheduled issuance, rao, once blocks 1..{@code height} are minted. */
  public static long issuanceAfter(long height) {
    if (height < 0) {
      throw new IllegalArgumentException("height is negative: " + height);
    }
    long issuance = 0;
    long blocksLeft = height;
    while (blocksLeft > 0 && issuance < BlockEmission.MAX_SUPPLY_RAO) {
      long perBlock = BlockEmission.perBlock(issuance);
      if (perBlock == 0) {
        break; // a rao halved 30 times is gone: the schedule stops just short of the cap
      }
      long inPhase = Math.min(blocksLeft, blocksAtRate(issuance, perBlock));
      issuance += inPhase * perBlock;
      blocksLeft -= inPhase;
    }
    return issuance;
  }

  /** rao the whole network mints in blocks {@code fromExclusive + 1 .. toInclusive}. */
  public static long mintedBetween(long fromExclusive, long toInclusive) {
    if (toInclusive < fromExclusive) {
      throw new IllegalArgumentException("block range ends before it starts: " + fromExclusive + ".." + toInclusive);
    }
    return issuanceAfter(toInclusive) - issuanceAfter(fromExclusive);
  }

  /**
   * rao a subnet holding {@code shareMillionths} of every block receives for blocks {@code
   * fromExclusive + 1 .. toInclusive}, rounded down.
   */
  public static long subnetEmission(long shareMillionths, long fromExclusive, long toInclusive) {
    if (shareMillionths < 0 || shareMillionths > SHARE_SCALE) {
      throw new IllegalArgumentException("share must be in [0, " + SHARE_SCALE + "] millionths, got " + shareMillionths);
    }
    BigInteger minted = BigInteger.valueOf(mintedBetween(fromExclusive, toInclusive));
    return minted.multiply(BigInteger.valueOf(shareMillionths)).divide(BigInteger.valueOf(SHARE_SCALE)).longValueExact();
  }

  /**
   * How many blocks, from {@code issuance}, mint {@code perBlock} each: until the rate halves or
   * the cap is reached. A binary search, because the halving thresholds are defined by integer division.
   */
  private static long blocksAtRate(long issuance, long perBlock) {
    long maxBlocks = (BlockEmission.MAX_SUPPLY_RAO - issuance) / perBlock; // >= 1: perBlock never passes the cap
    long low = 1;
    long high = maxBlocks;
    while (low < high) {
      long mid = low + (high - low + 1) / 2;
      if (BlockEmission.perBlock(issuance + (mid - 1) * perBlock) == perBlock) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low;
  }
}

package io.taofabric.core.yuma;

/**
 * A subnet's hyperparameters as the epoch reads them (spec §2, §9). u16 "proportions" (kappa,
 * bonds penalty, alpha low/high) are raw u16 values meaning {@code v / 65535}; the bonds moving
 * average is in millionths.
 *
 * @param kappa consensus majority, u16
 * @param bondsPenalty β, u16: how far bonds follow clipped rather than raw weights
 * @param bondsMovingAverage bonds EMA memory in millionths (α = 1 − value / 10^6)
 * @param activityCutoffFactorMilli activity cutoff in thousandths of a tempo
 * @param activityCutoffBlocks an explicit cutoff in blocks overriding the factor, or {@link #NONE}
 * @param stakeThreshold minimum stake (rao) that counts; the owner is exempt
 * @param tempo blocks between epochs
 * @param maxAllowedValidators how many top-stake UIDs get validator permits
 * @param yuma3 Yuma 3 bonds instead of classic bonds
 * @param liquidAlpha per-cell bonds α from the consensus sigmoid (Yuma 3 only)
 * @param alphaLow lower bound of liquid α, u16
 * @param alphaHigh upper bound of liquid α, u16
 * @param alphaSigmoidSteepness slope of the liquid-α sigmoid, times 100 (an i16)
 * @param ownerUid the subnet owner's UID, or {@link #NONE}
 * @param lastEpochBlock block of the previous epoch; 0 when none has run
 */
public record EpochParams(
    int kappa,
    int bondsPenalty,
    long bondsMovingAverage,
    long activityCutoffFactorMilli,
    long activityCutoffBlocks,
    long stakeThreshold,
    long tempo,
    int maxAllowedValidators,
    boolean yuma3,
    boolean liquidAlpha,
    int alphaLow,
    int alphaHigh,
    int alphaSigmoidSteepness,
    int ownerUid,
    long lastEpochBlock) {

  /** Marks an absent optional value (no owner, no explicit cutoff). */
  public static final int NONE = -1;

  /** The production defaults of spec §9, with 64 validator permits as new subnets get. */
  public static final EpochParams DEFAULTS =
      new EpochParams(
          32_767, 65_535, 900_000, 13_889, NONE, 0, 360, 64, false, false, 45_875, 58_982, 1000, NONE, 0);

  /** Validates ranges; a violation names the parameter. */
  public EpochParams {
    requireU16("kappa", kappa);
    requireU16("bonds_penalty", bondsPenalty);
    requireU16("alpha_low", alphaLow);
    requireU16("alpha_high", alphaHigh);
    requireRange("bonds_moving_average", bondsMovingAverage, 0, 1_000_000);
    requireRange("activity_cutoff_factor_milli", activityCutoffFactorMilli, 0, Integer.MAX_VALUE);
    requireRange("activity_cutoff_blocks", activityCutoffBlocks, NONE, Long.MAX_VALUE / 2);
    requireRange("stake_threshold", stakeThreshold, 0, Long.MAX_VALUE);
    requireRange("tempo", tempo, 0, 65_535);
    requireRange("max_allowed_validators", maxAllowedValidators, 0, 65_535);
    requireRange("alpha_sigmoid_steepness", alphaSigmoidSteepness, Short.MIN_VALUE, Short.MAX_VALUE);
    requireRange("owner_uid", ownerUid, NONE, 65_535);
    requireRange("last_epoch_block", lastEpochBlock, 0, Long.MAX_VALUE / 2);
  }

  /** Blocks without a weights update after which a UID is inactive (spec §3.1). */
  public long activityCutoff() {
    if (activityCutoffBlocks != NONE) {
      return activityCutoffBlocks;
    }
    return Math.max(1, activityCutoffFactorMilli * tempo / 1000);
  }

  /** Whether {@code uid} is the subnet owner's. */
  public boolean isOwner(int uid) {
    return ownerUid != NONE && ownerUid == uid;
  }

  /** A builder starting from these values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  private static void requireU16(String name, long v) {
    requireRange(name, v, 0, 65_535);
  }

  private static void requireRange(String name, long v, long min, long max) {
    if (v < min || v > max) {
      throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + v);
    }
  }

  /** Changes some parameters of an existing set (a set_param step, a governance vote). */
  public static final class Builder {
    private int kappa;
    private int bondsPenalty;
    private long bondsMovingAverage;
    private long activityCutoffFactorMilli;
    private long activityCutoffBlocks;
    private long stakeThreshold;
    private long tempo;
    private int maxAllowedValidators;
    private boolean yuma3;
    private boolean liquidAlpha;
    private int alphaLow;
    private int alphaHigh;
    private int alphaSigmoidSteepness;
    private int ownerUid;
    private long lastEpochBlock;

    private Builder(EpochParams p) {
      kappa = p.kappa;
      bondsPenalty = p.bondsPenalty;
      bondsMovingAverage = p.bondsMovingAverage;
      activityCutoffFactorMilli = p.activityCutoffFactorMilli;
      activityCutoffBlocks = p.activityCutoffBlocks;
      stakeThreshold = p.stakeThreshold;
      tempo = p.tempo;
      maxAllowedValidators = p.maxAllowedValidators;
      yuma3 = p.yuma3;
      liquidAlpha = p.liquidAlpha;
      alphaLow = p.alphaLow;
      alphaHigh = p.alphaHigh;
      alphaSigmoidSteepness = p.alphaSigmoidSteepness;
      ownerUid = p.ownerUid;
      lastEpochBlock = p.lastEpochBlock;
    }

    public Builder kappa(int v) {
      kappa = v;
      return this;
    }

    public Builder bondsPenalty(int v) {
      bondsPenalty = v;
      return this;
    }

    public Builder bondsMovingAverage(long v) {
      bondsMovingAverage = v;
      return this;
    }

    public Builder activityCutoffFactorMilli(long v) {
      activityCutoffFactorMilli = v;
      return this;
    }

    public Builder activityCutoffBlocks(long v) {
      activityCutoffBlocks = v;
      return this;
    }

    public Builder stakeThreshold(long v) {
      stakeThreshold = v;
      return this;
    }

    public Builder tempo(long v) {
      tempo = v;
      return this;
    }

    public Builder maxAllowedValidators(int v) {
      maxAllowedValidators = v;
      return this;
    }

    public Builder yuma3(boolean v) {
      yuma3 = v;
      return this;
    }

    public Builder liquidAlpha(boolean v) {
      liquidAlpha = v;
      return this;
    }

    public Builder alphaLow(int v) {
      alphaLow = v;
      return this;
    }

    public Builder alphaHigh(int v) {
      alphaHigh = v;
      return this;
    }

    public Builder alphaSigmoidSteepness(int v) {
      alphaSigmoidSteepness = v;
      return this;
    }

    public Builder ownerUid(int v) {
      ownerUid = v;
      return this;
    }

    public Builder lastEpochBlock(long v) {
      lastEpochBlock = v;
      return this;
    }

    /** The validated parameters. */
    public EpochParams build() {
      return new EpochParams(
          kappa,
          bondsPenalty,
          bondsMovingAverage,
          activityCutoffFactorMilli,
          activityCutoffBlocks,
          stakeThreshold,
          tempo,
          maxAllowedValidators,
          yuma3,
          liquidAlpha,
          alphaLow,
          alphaHigh,
          alphaSigmoidSteepness,
          ownerUid,
          lastEpochBlock);
    }
  }
}

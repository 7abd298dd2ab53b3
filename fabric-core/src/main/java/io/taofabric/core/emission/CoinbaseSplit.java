package io.taofabric.core.emission;

import io.taofabric.core.fixed.Fixed;

/**
 * How one block's emission into a subnet is split (spec §7, {@code emit_to_subnets}): the owner's
 * cut first, then half to miners, and the other half to validators less the root stakers' part.
 * Amounts are U96F32 internally and floored to rao per pending pot; dust is lost as on chain.
 *
 * @param server rao added to the miners' pending emission
 * @param validator rao added to the validators' pending emission
 * @param root rao added to the root stakers' pending dividends
 * @param ownerCut rao added to the subnet owner's pending cut
 */
public record CoinbaseSplit(long server, long validator, long root, long ownerCut) {
  /** The default owner cut, 11 796 / 65535 ≈ 18%. */
  public static final int DEFAULT_OWNER_CUT_U16 = 11_796;

  /**
   * Splits {@code alphaOut} rao.
   *
   * @param ownerCutU16 the owner's share as a u16 proportion (0 disables it)
   * @param rootProportion root stake's share of the validator half, I32F32 bits in [0, 1]
   */
  public static CoinbaseSplit of(long alphaOut, int ownerCutU16, long rootProportion) {
    if (alphaOut < 0 || alphaOut > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("alpha out must be in [0, 2^31) rao, got " + alphaOut);
    }
    if (ownerCutU16 < 0 || ownerCutU16 > Fixed.U16_MAX) {
      throw new IllegalArgumentException("owner cut must be a u16, got " + ownerCutU16);
    }
    if (rootProportion < 0 || rootProportion > Fixed.ONE) {
      throw new IllegalArgumentException("root proportion must be in [0, 1], got " + rootProportion);
    }
    long remaining = alphaOut << Fixed.FRAC_BITS;
    long cut = ((long) ownerCutU16 << Fixed.FRAC_BITS) / Fixed.U16_MAX;
    long owner = Fixed.mul(remaining, cut);
    remaining -= owner;
    long root = Fixed.mul(Fixed.mul(rootProportion, remaining), Fixed.HALF);
    long server = Fixed.mul(remaining, Fixed.HALF);
    long validator = Math.max(remaining - server - root, 0);
    return new CoinbaseSplit(
        server >> Fixed.FRAC_BITS,
        validator >> Fixed.FRAC_BITS,
        root >> Fixed.FRAC_BITS,
        owner >> Fixed.FRAC_BITS);
  }

  /** Everything this block emitted into the subnet, rao. */
  public long total() {
    return server + validator + root + ownerCut;
  }
}

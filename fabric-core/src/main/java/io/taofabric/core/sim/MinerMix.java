package io.taofabric.core.sim;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** How many miners play each strategy, as {@code honest=5,lazy-constant=1,lazy-random=1,copycat=2,sybil=3}. */
public record MinerMix(int honest, int lazyConstant, int lazyRandom, int copycats, int sybils) {
  /** The demo's default mix: honest miners in the majority, every kind of cheat present. */
  public static final MinerMix DEFAULT = new MinerMix(5, 1, 1, 2, 3);

  public MinerMix {
    if (honest < 1 || lazyConstant < 0 || lazyRandom < 0 || copycats < 0 || sybils < 0) {
      throw new IllegalArgumentException("need at least one honest miner and no negative count");
    }
    if (sybils == 1) {
      throw new IllegalArgumentException("sybils come as two or more hotkeys behind one model");
    }
  }

  /** Parses {@code kind=count} pairs; a kind left out keeps its count in {@link #DEFAULT}. */
  public static MinerMix parse(String spec) {
    Map<MinerKind, Integer> counts = new EnumMap<>(MinerKind.class);
    for (MinerKind kind : MinerKind.values()) {
      counts.put(kind, DEFAULT.count(kind));
    }
    for (String pair : spec.split(",")) {
      String[] kv = pair.trim().split("=");
      if (kv.length != 2) {
        throw new IllegalArgumentException("expected kind=count, got '" + pair + "'");
      }
      counts.put(kindNamed(kv[0].trim()), Integer.parseInt(kv[1].trim()));
    }
    return new MinerMix(
        counts.get(MinerKind.HONEST), counts.get(MinerKind.LAZY_CONSTANT), counts.get(MinerKind.LAZY_RANDOM),
        counts.get(MinerKind.COPYCAT), counts.get(MinerKind.SYBIL));
  }

  /** The number of miners playing {@code kind}. */
  public int count(MinerKind kind) {
    return switch (kind) {
      case HONEST -> honest;
      case LAZY_CONSTANT -> lazyConstant;
      case LAZY_RANDOM -> lazyRandom;
      case COPYCAT -> copycats;
      case SYBIL -> sybils;
    };
  }

  /** The kind's name on the command line: lower case, dashes. */
  public static String nameOf(MinerKind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static MinerKind kindNamed(String name) {
    for (MinerKind kind : MinerKind.values()) {
      if (nameOf(kind).equals(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown miner kind '" + name + "'; known: honest, lazy-constant, lazy-random, copycat, sybil");
  }
}

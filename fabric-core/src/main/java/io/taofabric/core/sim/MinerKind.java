package io.taofabric.core.sim;

/** The strategy behind a miner's hotkey, known to the simulation and to nobody in the network. */
public enum MinerKind {
  /** Answers with a model of its own. */
  HONEST,
  /** Gives one answer to every query. */
  LAZY_CONSTANT,
  /** Guesses an answer of the right shape. */
  LAZY_RANDOM,
  /** Replays an honest miner's answer after it. */
  COPYCAT,
  /** One of several hotkeys behind one model. */
  SYBIL
}

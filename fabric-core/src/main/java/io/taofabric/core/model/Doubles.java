package io.taofabric.core.model;

import java.util.Arrays;

/**
 * An immutable sequence of doubles: a window, a forecast, a feature vector, a distribution. Records
 * hold this instead of a {@code double[]} so they stay immutable and compare by value (NaN equals
 * NaN, as {@link Arrays#equals(double[], double[])} defines it).
 */
public final class Doubles {
  private final double[] values;

  private Doubles(double[] values) {
    this.values = values;
  }

  /** A copy of {@code values}. */
  public static Doubles of(double... values) {
    return new Doubles(values.clone());
  }

  /** The number of values. */
  public int size() {
    return values.length;
  }

  /** The value at {@code index}. */
  public double get(int index) {
    return values[index];
  }

  /** The last value; the sequence must not be empty. */
  public double last() {
    return values[values.length - 1];
  }

  /** The values from index {@code from} (inclusive) to {@code to} (exclusive). */
  public Doubles slice(int from, int to) {
    return new Doubles(Arrays.copyOfRange(values, from, to));
  }

  /** A copy of the values. */
  public double[] toArray() {
    return values.clone();
  }

  /** True when every value is finite (neither NaN nor infinite). */
  public boolean allFinite() {
    for (double v : values) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Doubles other && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return Arrays.toString(values);
  }
}

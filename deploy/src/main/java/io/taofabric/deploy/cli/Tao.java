package io.taofabric.deploy.cli;

import io.taofabric.core.emission.BlockEmission;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * TAO as people type it and read it. The command line takes a plain decimal with at most nine
 * places, since one rao is 10^-9 TAO; anything that would have to be rounded, or is not a positive
 * amount within the supply, is refused rather than guessed at.
 */
public final class Tao {
  private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");
  private static final int RAO_DIGITS = 9;

  private Tao() {}

  /**
   * The rao in {@code tao}, a decimal such as {@code 1.5} or {@code 0.000000001}.
   *
   * @throws IllegalArgumentException saying why when it is not a plain decimal, has more than nine
   *     places, is zero, or exceeds the 21M TAO supply
   */
  public static long parseRao(String tao) {
    if (tao == null || !DECIMAL.matcher(tao).matches()) {
      throw new IllegalArgumentException(
          "an amount of TAO is a plain decimal such as 1.5, got '" + tao + "'");
    }
    BigDecimal amount = new BigDecimal(tao);
    if (amount.stripTrailingZeros().scale() > RAO_DIGITS) {
      throw new IllegalArgumentException(
          "an amount of TAO has at most 9 decimal places (1 rao = 0.000000001 TAO), got " + tao);
    }
    BigDecimal rao = amount.movePointRight(RAO_DIGITS);
    if (rao.signum() == 0) {
      throw new IllegalArgumentException("an amount of TAO must be more than 0");
    }
    if (rao.compareTo(BigDecimal.valueOf(BlockEmission.MAX_SUPPLY_RAO)) > 0) {
      throw new IllegalArgumentException("an amount of TAO is at most the 21,000,000 TAO supply, got " + tao);
    }
    return rao.longValueExact();
  }

  /** {@code rao} (not negative) as TAO with all nine places, e.g. {@code 1.500000000}. */
  public static String format(long rao) {
    return String.format(Locale.ROOT, "%d.%09d", rao / BlockEmission.RAO_PER_TAO, rao % BlockEmission.RAO_PER_TAO);
  }

  /** Converts an option's TAO to rao, so a bad amount is a bad option. */
  public static final class Converter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      try {
        return parseRao(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}

package io.taofabric.core.wallet;

import java.util.regex.Pattern;

/**
 * Wallet and hotkey names: 1 to 64 of {@code A-Z a-z 0-9 . _ -}, not starting with a dot. A name is
 * then one path segment that is neither {@code .} nor {@code ..}, on every file system, and never a
 * hidden file such as the temporary files key writes go through.
 */
final class Names {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}");

  private Names() {}

  static boolean isValid(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  /** Refuses an invalid name, saying what {@code kind} of name it was to be. */
  static void require(String kind, String name) {
    if (!isValid(name)) {
      throw new IllegalArgumentException(
          "a " + kind + " name is 1 to 64 of A-Z a-z 0-9 . _ - and does not start with a dot, got '" + name + "'");
    }
  }
}

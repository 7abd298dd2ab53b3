package io.taofabric.deploy.cli;

import io.taofabric.core.crypto.Hotkeys;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Accepts a coldkey or hotkey address only in the one spelling signed transactions take. */
public final class PublicKeyConverter implements ITypeConverter<String> {
  @Override
  public String convert(String value) {
    if (!Hotkeys.isCanonical(value)) {
      throw new TypeConversionException("a key address is 64 lowercase hex characters, got '" + value + "'");
    }
    return value;
  }
}

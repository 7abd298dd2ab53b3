package io.taofabric.persistence.serialization;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/**
 * The hand-written binary form of one persisted type. Stored bytes outlive the code that wrote
 * them, so the form is versioned: {@link #write} writes the current version, {@link #read} reads
 * every version ever written. The type id is stable forever and never reused.
 */
public interface VersionedCodec<T> {
  /** The type this codec writes. */
  Class<T> type();

  /** The type's stable id in stored bytes. */
  int typeId();

  /** The version {@link #write} produces; versions start at 1. */
  int currentVersion();

  /** Writes {@code value}'s fields in the current version's layout. */
  void write(Output out, T value);

  /** Reads a value written in {@code version}'s layout (1 ≤ version ≤ current). */
  T read(Input in, int version);
}

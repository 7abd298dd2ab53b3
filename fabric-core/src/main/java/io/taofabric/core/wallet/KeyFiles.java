package io.taofabric.core.wallet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writing and reading key files: atomically (a reader sees the old file or the new one, whole), made
 * durable before a write returns, and readable by the owner alone where the file system has POSIX
 * permissions (directories {@code rwx------}, files {@code rw-------}, set at creation so there is no
 * moment a key is readable by others).
 */
final class KeyFiles {
  private KeyFiles() {}

  /** Creates {@code dir} and any missing parents, owner-only. */
  static void createPrivateDirectories(Path dir) throws IOException {
    if (posix(dir)) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } else {
      Files.createDirectories(dir);
    }
  }

  /**
   * Writes {@code content} to {@code target}: into a temporary file beside it, flushed to disk, then
   * moved into place in one step.
   *
   * @throws KeyExistsException when {@code target} exists and {@code existing} is {@link
   *     ExistingKey#REFUSE}; nothing is written then
   */
  static void write(Path target, byte[] content, ExistingKey existing) throws IOException, KeyExistsException {
    Path dir = target.toAbsolutePath().getParent();
    Path temporary = posix(dir)
        ? Files.createTempFile(dir, "." + target.getFileName(), ".tmp", ownerReadWrite())
        : Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      if (existing == ExistingKey.OVERWRITE) {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } else {
        createNew(target, temporary);
      }
      if (posix(dir)) {
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
          directory.force(true); // the new name survives a crash, not only the data
        }
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** The bytes of {@code file}, refusing one larger than {@code maxBytes} (no key file is). */
  static byte[] read(Path file, int maxBytes) throws IOException, KeyFileException {
    if (Files.size(file) > maxBytes) {
      throw new KeyFileException(file + " is larger than any key file (" + maxBytes + " bytes)");
    }
    return Files.readAllBytes(file);
  }

  /**
   * Puts {@code temporary} at {@code target} unless something is there: a rename would silently
   * replace it, so the new name is a hard link, which the file system refuses to make over an
   * existing file. Where hard links are not supported, an existence check before the rename leaves a
   * window in which a concurrent writer of the same key could be overwritten.
   */
  private static void createNew(Path target, Path temporary) throws IOException, KeyExistsException {
    try {
      Files.createLink(target, temporary);
    } catch (FileAlreadyExistsException e) {
      throw exists(target);
    } catch (UnsupportedOperationException | FileSystemException e) {
      if (Files.exists(target)) {
        throw exists(target);
      }
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  /** The refusal to write over {@code target}. */
  static KeyExistsException exists(Path target) {
    return new KeyExistsException(target + " already exists; overwrite it only if you mean to lose the key it holds");
  }

  private static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static FileAttribute<?> ownerReadWrite() {
    return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
  }
}

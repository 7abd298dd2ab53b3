package io.taofabric.deploy.weights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.taofabric.core.tx.Transaction.RevealWeights;
import io.taofabric.deploy.cli.CliFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Weight commits waiting for their reveal, one file per commit under {@code
 * <wallet>/commits/<hotkey name>/}: the weights and the salt, which the network never sees until the
 * reveal and without which the commit cannot be revealed. Files are written whole (a temporary file
 * moved into place) and owner-only, since until the reveal they are exactly what a weight copier
 * wants to read.
 */
final class CommitStore {
  private static final String SUFFIX = ".json";
  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A commit kept for its reveal, stored in {@code file}. */
  record Pending(Path file, String hotkey, String commitHash, Instant committedAt, RevealWeights reveal) {}

  private final Path directory;

  /** The commits of hotkey {@code hotkeyName} of the wallet in {@code walletDirectory}. */
  CommitStore(Path walletDirectory, String hotkeyName) {
    this.directory = walletDirectory.resolve("commits").resolve(hotkeyName);
  }

  /** Keeps {@code reveal}, which {@code hotkey} commits to as {@code commitHash}, at {@code now}. */
  Pending save(String hotkey, String commitHash, RevealWeights reveal, Instant now) throws CliFailure {
    ObjectNode json = JSON.createObjectNode();
    json.put("netuid", reveal.netuid()).put("hotkey", hotkey).put("commit_hash", commitHash);
    reveal.uids().forEach(json.putArray("uids")::add);
    reveal.values().forEach(json.putArray("values")::add);
    json.put("salt", HexFormat.of().formatHex(reveal.salt())).put("committed_at", now.toString());
    Path file = directory.resolve(reveal.netuid() + "-" + commitHash + SUFFIX);
    try {
      createPrivateDirectory(directory.getParent());
      createPrivateDirectory(directory);
      Path temporary = Files.createTempFile(directory, ".commit-", ".tmp");
      try {
        if (POSIX) {
          Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(temporary, json.toPrettyString() + "\n");
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw CliFailure.failed("cannot keep the commit in " + directory + ": " + e.getMessage() + "; nothing was sent");
    }
    return new Pending(file, hotkey, commitHash, now, reveal);
  }

  /** The commits kept for subnet {@code netuid}, oldest first. */
  List<Pending> pending(int netuid) throws CliFailure {
    List<Pending> pending = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, netuid + "-*" + SUFFIX)) {
      for (Path file : files) {
        pending.add(read(file));
      }
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw CliFailure.failed("cannot list the commits in " + directory + ": " + e.getMessage());
    }
    pending.sort(Comparator.comparing(Pending::committedAt));
    return pending;
  }

  /** Forgets a commit that was revealed, or that the network refused. */
  void remove(Pending commit) throws CliFailure {
    try {
      Files.deleteIfExists(commit.file());
    } catch (IOException e) {
      throw CliFailure.failed("cannot remove " + commit.file() + ": " + e.getMessage());
    }
  }

  /** Where the commits are kept. */
  Path directory() {
    return directory;
  }

  private static Pending read(Path file) throws CliFailure {
    try {
      JsonNode json = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
      List<Integer> uids = new ArrayList<>();
      json.required("uids").forEach(uid -> uids.add(uid.intValue()));
      List<Integer> values = new ArrayList<>();
      json.required("values").forEach(value -> values.add(value.intValue()));
      RevealWeights reveal =
          new RevealWeights(
              json.required("netuid").intValue(), uids, values, HexFormat.of().parseHex(json.required("salt").textValue()));
      return new Pending(
          file,
          json.required("hotkey").textValue(),
          json.required("commit_hash").textValue(),
          Instant.parse(json.required("committed_at").textValue()),
          reveal);
    } catch (IOException | RuntimeException e) {
      throw CliFailure.failed("cannot read the commit in " + file + ": " + e.getMessage());
    }
  }

  /** Creates {@code directory} owner-only, unless it is there. */
  private static void createPrivateDirectory(Path directory) throws IOException {
    if (Files.isDirectory(directory)) {
      return;
    }
    try {
      if (POSIX) {
        Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectory(directory);
      }
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(directory)) {
        throw e;
      }
    }
  }
}

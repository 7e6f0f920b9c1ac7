package com.shopverse.flink;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the newest completed checkpoint under a local checkpoint folder, so that the local stack's
 * job resumes exactly where it stopped, even after {@code kill -9}: with its deduplication and
 * counting state, not only its Kafka offsets. A checkpoint is complete once its {@code _metadata}
 * file exists. Both jobs restore this way ({@link JobEnvironment}).
 */
final class LatestCheckpoint {

  private LatestCheckpoint() {}

  /** The newest complete checkpoint under {@code checkpointDir} (a {@code file:} URI), if any. */
  static Optional<String> under(String checkpointDir) throws IOException {
    if (checkpointDir.isBlank() || !checkpointDir.startsWith("file:")) {
      return Optional.empty();
    }
    Path root = Path.of(URI.create(checkpointDir));
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> files =
        Files.find(root, 3, (path, attributes) -> path.endsWith("_metadata"))) {
      return files
          .filter(path -> path.getParent().getFileName().toString().startsWith("chk-"))
          .max(Comparator.comparing(LatestCheckpoint::modified))
          .map(path -> path.getParent().toUri().toString());
    }
  }

  private static FileTime modified(Path path) {
    try {
      return Files.getLastModifiedTime(path);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }
}

package com.shopverse.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatestCheckpointTest {

  @TempDir Path dir;

  @Test
  void picksTheNewestCheckpointWhoseMetadataWasWritten() throws IOException {
    checkpoint("job-a/chk-7", Instant.parse("2026-12-01T10:00:00Z"));
    Path newest = checkpoint("job-b/chk-3", Instant.parse("2026-12-01T11:00:00Z"));
    // Still being written: no _metadata yet, so not restorable.
    Files.createDirectories(dir.resolve("job-b/chk-4"));

    assertThat(LatestCheckpoint.under(dir.toUri().toString())).contains(newest.toUri().toString());
  }

  @Test
  void ignoresMetadataOutsideACheckpointFolder() throws IOException {
    Files.createDirectories(dir.resolve("job/savepoint-1"));
    Files.writeString(dir.resolve("job/savepoint-1/_metadata"), "x");

    assertThat(LatestCheckpoint.under(dir.toUri().toString())).isEmpty();
  }

  @Test
  void findsNothingWithoutALocalFolder() throws IOException {
    assertThat(LatestCheckpoint.under("")).isEmpty();
    assertThat(LatestCheckpoint.under("s3://bucket/checkpoints")).isEmpty();
    assertThat(LatestCheckpoint.under(dir.resolve("missing").toUri().toString())).isEmpty();
  }

  private Path checkpoint(String path, Instant written) throws IOException {
    Path folder = Files.createDirectories(dir.resolve(path));
    Path metadata = Files.writeString(folder.resolve("_metadata"), "x");
    Files.setLastModifiedTime(metadata, FileTime.from(written));
    return folder;
  }
}

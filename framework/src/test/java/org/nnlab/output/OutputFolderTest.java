package org.nnlab.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock and the staged set within one JVM; two processes are tried in the CLI's tests. */
class OutputFolderTest {
  static final long PID = ProcessHandle.current().pid();

  @Test
  void secondOpen_inThisProcess_isRefused_namingTheHolder_andReleaseDeletesTheLockFile(@TempDir Path tmp)
      throws IOException {
    Path dir = tmp.resolve("run");
    try (OutputFolder first = OutputFolder.open(dir)) {
      assertThat(Files.readString(dir.resolve(FolderLock.FILE))).startsWith("pid=" + PID + "\nhost=");
      assertThatThrownBy(() -> OutputFolder.open(dir)).isInstanceOf(OutputException.class)
          .hasMessageStartingWith(dir + " is being written by PID " + PID + " on ")
          .hasMessageEndingWith("; wait for it to finish, or write elsewhere");
      assertThat(first.staleHolder()).isEmpty();
    }
    assertThat(dir.resolve(FolderLock.FILE)).doesNotExist();
    try (OutputFolder again = OutputFolder.open(dir)) {
      assertThat(again.staleHolder()).isEmpty();
    }
  }

  @Test
  void aLockFileLeftByADeadProcess_isTakenOver_namingIt(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve(FolderLock.FILE), "pid=999999999\nhost=elsewhere\nsince=2025-01-31T12:00:00Z\n");
    try (OutputFolder out = OutputFolder.open(dir)) {
      assertThat(out.staleHolder()).hasValue(new LockHolder(999_999_999L, "elsewhere",
          java.time.Instant.parse("2025-01-31T12:00:00Z")));
      assertThat(Files.readString(dir.resolve(FolderLock.FILE))).startsWith("pid=" + PID + "\n");
    }
  }

  @Test
  void aRetiredLockFileStillInPlace_isTakenAfterAFewTries(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve(FolderLock.FILE), "retired\n");
    try (OutputFolder out = OutputFolder.open(dir)) {
      assertThat(Files.readString(dir.resolve(FolderLock.FILE))).startsWith("pid=" + PID + "\n");
    }
  }

  @Test
  void close_removesTheFoldersOpenCreated_whenNothingWasPublished(@TempDir Path tmp) throws IOException {
    OutputFolder.open(tmp.resolve("a/b/c")).close();
    assertThat(tmp.resolve("a")).doesNotExist();
    assertThat(tmp).isDirectory();
  }

  @Test
  void publish_replacesTheListedNamesOnly_andDropsTheOnesTheNewSetLacks(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("model.nnlab"), "old model");
    Files.writeString(dir.resolve("results.json"), "old results");
    Files.writeString(dir.resolve("notes.txt"), "the user's");
    try (OutputFolder out = OutputFolder.open(dir)) {
      out.publish(List.of("results.json", "model.nnlab"),
          staging -> Files.writeString(staging.resolve("results.json"), "diverged"));
    }
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("results.json", "notes.txt");
    }
    assertThat(Files.readString(dir.resolve("results.json"))).isEqualTo("diverged");
  }

  @Test
  void aFailingWriter_changesNothing_andLeavesNoStaging(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("results.json"), "old");
    try (OutputFolder out = OutputFolder.open(dir)) {
      assertThatThrownBy(() -> out.publish(List.of("results.json", "report.md"), staging -> {
        Files.writeString(staging.resolve("results.json"), "new");
        throw new IOException("No space left on device");
      })).hasMessage("No space left on device");
      assertThatThrownBy(() -> out.publish(List.of("results.json"),
          staging -> Files.writeString(staging.resolve("stray.txt"), "x")))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[stray.txt]");
      assertThatThrownBy(() -> out.publish(List.of(".."), staging -> { }))
          .isInstanceOf(IllegalArgumentException.class);
    }
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactly("results.json");
    }
    assertThat(Files.readString(dir.resolve("results.json"))).isEqualTo("old");
  }

  @Test
  void publish_afterClose_fails(@TempDir Path dir) throws IOException {
    OutputFolder out = OutputFolder.open(dir);
    out.close();
    out.close();
    assertThatThrownBy(() -> out.publish(List.of("a.txt"), staging -> Files.writeString(staging.resolve("a.txt"), "")))
        .isInstanceOf(IllegalStateException.class);
    assertThat(dir.resolve("a.txt")).doesNotExist();
  }
}

package org.nnlab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void write_createsTheFolder_replacesTheFile_andLeavesNoTemporaryFile() throws IOException {
    Path file = dir.resolve("a/b/results.json");
    AtomicFiles.write(file, "first\n");
    AtomicFiles.write(file, "second\n");
    assertThat(Files.readString(file)).isEqualTo("second\n");
    assertThat(names(file.getParent())).containsExactly("results.json");
  }

  @Test
  void aFailedCheck_orAFailedWrite_keepsTheOldFile_andLeavesNoTemporaryFile() throws IOException {
    Path file = dir.resolve("data.bin");
    AtomicFiles.write(file, new byte[] {1, 2, 3});
    assertThatThrownBy(() -> AtomicFiles.write(file, out -> out.write(new byte[] {9}), written -> {
      assertThat(Files.readAllBytes(written)).containsExactly(9); // the check sees the new bytes
      throw new IOException("not the original");
    })).hasMessage("not the original");
    assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
      out.write(7);
      throw new IOException("connection reset");
    }, written -> {})).hasMessage("connection reset");
    assertThat(Files.readAllBytes(file)).containsExactly(1, 2, 3);
    assertThat(names(dir)).containsExactly("data.bin");
  }

  @Test
  void removeLeftovers_removesOnlyHiddenTemporaryFiles() throws IOException {
    Files.writeString(dir.resolve(".results.json.1f2e.tmp"), "torn");
    Files.writeString(dir.resolve(".t10k.gz.99.part"), "torn");
    Files.writeString(dir.resolve("keep.tmp"), "a user's file");
    Files.writeString(dir.resolve("results.json"), "{}");
    AtomicFiles.removeLeftovers(dir);
    assertThat(names(dir)).containsExactly(".t10k.gz.99.part", "keep.tmp", "results.json");
    AtomicFiles.removeLeftovers(dir, ".part");
    assertThat(names(dir)).containsExactly("keep.tmp", "results.json");
    AtomicFiles.removeLeftovers(dir.resolve("missing"));
  }

  @Test
  void aFailedWrite_namesTheTargetFile_notTheTemporaryOne() throws IOException {
    Path blocker = Files.writeString(dir.resolve("f"), "x");
    assertThatThrownBy(() -> AtomicFiles.write(blocker.resolve("results.json"), "{}"))
        .isInstanceOf(IOException.class).hasMessageStartingWith(blocker.resolve("results.json") + ": cannot write: ");
    // what the content's own source throws (a download timing out) is not taken for a write failure
    assertThatThrownBy(() -> AtomicFiles.write(dir.resolve("d.gz"), out -> {
      throw new java.net.SocketTimeoutException("Read timed out");
    }, written -> {})).isInstanceOf(java.net.SocketTimeoutException.class).hasMessage("Read timed out");
  }

  private static List<String> names(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}

package org.nnlab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.testsupport.EndlessStream;
import org.nnlab.testsupport.SpecialFiles;

/** Only regular files are read, and never past the cap, whatever the file system says. */
class RegularFilesTest {
  @TempDir Path dir;

  @Test
  void read_regularFile_givesItsBytes() throws IOException {
    Path f = Files.write(dir.resolve("a.txt"), new byte[] {1, 2, 3});
    assertThat(RegularFiles.read(f, "a.txt", 3, "a test file", IllegalStateException::new)).containsExactly(1, 2, 3);
    assertThat(RegularFiles.problem(f)).isEmpty();
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void read_fifo_isRefusedByKind_withoutBlocking() {
    Path fifo = SpecialFiles.fifo(dir.resolve("pipe.yaml"));
    assertThatThrownBy(() -> RegularFiles.read(fifo, "pipe.yaml", 100, "a config", IllegalStateException::new))
        .isInstanceOf(IllegalStateException.class).hasMessage("pipe.yaml is a FIFO, not a regular file");
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void read_devZeroOrDirectory_isRefusedByKind() {
    Path zero = SpecialFiles.devZero();
    assertThatThrownBy(() -> RegularFiles.read(zero, "/dev/zero", 100, "a config", IllegalStateException::new))
        .hasMessage("/dev/zero is a character device, not a regular file");
    assertThatThrownBy(() -> RegularFiles.read(dir, "d", 100, "a config", IllegalStateException::new))
        .hasMessage("d is a directory, not a regular file");
    assertThatThrownBy(() -> RegularFiles.read(dir.resolve("none"), "none", 100, "a config", IllegalStateException::new))
        .hasMessage("none: no such file");
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void readAtMost_endlessStream_stopsOneChunkPastTheCap() {
    InputStream endless = new EndlessStream("x");
    assertThatThrownBy(() -> RegularFiles.readAtMost(endless, 1_000_000, "stream", "a config", IllegalStateException::new))
        .hasMessage("stream: a config may hold at most 1,000,000 bytes (1.0 MB), found more");
  }

  @Test
  void describe_usesDecimalUnits() {
    assertThat(JvmMemory.describe(999)).isEqualTo("999 bytes");
    assertThat(JvmMemory.describe(80_635_200_000L)).isEqualTo("80.6 GB");
    assertThat(JvmMemory.describe(Long.MAX_VALUE)).isEqualTo("9.2 EB");
    assertThat(JvmMemory.times(Long.MAX_VALUE / 2, 3)).isEqualTo(Long.MAX_VALUE);
    assertThat(JvmMemory.plus(Long.MAX_VALUE, 1)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void writing_namesTheFile_andKeepsTheCause() {
    IOException full = new IOException("No space left on device");
    IOException named = FileErrors.writing(Path.of("out/model.nnlab"), full);
    assertThat(named).hasMessage("out/model.nnlab: cannot write: No space left on device").hasCause(full);
  }
}

package org.nnlab.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Files that are not regular files, for tests that a reader refuses them without blocking: a FIFO
 * (made with {@code mkfifo}) and {@code /dev/zero}. Where the system has none, the calling test is
 * skipped with the reason (an assumption), not failed.
 */
public final class SpecialFiles {
  private SpecialFiles() {}

  /** A FIFO at {@code path}; skips the test where {@code mkfifo} is not available. */
  public static Path fifo(Path path) {
    try {
      Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
      boolean done = p.waitFor(10, TimeUnit.SECONDS);
      Assumptions.assumeTrue(done && p.exitValue() == 0, "mkfifo failed on this system: no FIFO to test with");
    } catch (IOException e) {
      Assumptions.abort("no mkfifo on this system (" + e.getMessage() + "): no FIFO to test with");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      Assumptions.abort("interrupted while making a FIFO");
    }
    return path;
  }

  /** {@code /dev/zero}; skips the test on a system without it. */
  public static Path devZero() {
    Path zero = Path.of("/dev/zero");
    Assumptions.assumeTrue(Files.exists(zero), "no /dev/zero on this system");
    return zero;
  }
}

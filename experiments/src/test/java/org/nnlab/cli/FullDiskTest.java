package org.nnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real full disk: a 16 kB tmpfs mounted as the output folder (needs root and mount; skipped with
 * the reason elsewhere). A run or an export that cannot finish writing is exit 2 with one line that
 * names the file it could not write.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FullDiskTest {
  @TempDir Path dir;
  private Path disk;

  @BeforeEach
  void mount() throws Exception {
    disk = Files.createDirectories(dir.resolve("disk"));
    int exit = command("mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", disk.toString());
    Assumptions.assumeTrue(exit == 0, "cannot mount a small tmpfs here (needs root and mount): no full disk to test");
  }

  @AfterEach
  void unmount() throws Exception {
    if (disk != null) {
      command("umount", disk.toString());
    }
  }

  private static int command(String... args) throws InterruptedException {
    try {
      Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    } catch (IOException e) {
      return -1;
    }
  }

  private Path tinyConfig() throws IOException {
    Files.writeString(dir.resolve("train.csv"), "0,10,200,30,240\n1,220,20,200,10\n0,5,210,25,250\n1,230,15,190,5\n");
    return Files.writeString(dir.resolve("tiny.yaml"), """
        name: tiny-disk
        data: {train: {format: csv, file: train.csv}, test: {format: csv, file: train.csv}}
        network: {layers: [4, 3, 2]}
        training: {epochs: 1}
        """);
  }

  @Test
  void run_ontoAFullDisk_namesTheFileItCouldNotWrite() throws IOException {
    CliRun run = CliRun.of("run", tinyConfig().toString(), "--out", disk.resolve("out").toString());
    String line = HostileInputTest.badInput(run);
    assertThat(line).startsWith("I/O error: " + disk.resolve("out")).endsWith(": cannot write: No space left on device");
  }

  @Test
  void export_ontoAFullDisk_namesTheFileItCouldNotWrite() throws IOException {
    Path out = dir.resolve("out");
    CliRun trained = CliRun.of("run", tinyConfig().toString(), "--out", out.toString());
    assertThat(trained.exit()).as(trained.err()).isZero();
    Files.write(disk.resolve("filler"), new byte[12 << 10]);
    CliRun export = CliRun.of("export", out.resolve("model.nnlab").toString(), "--npy", disk.resolve("w").toString());
    assertThat(HostileInputTest.badInput(export)).startsWith("I/O error: " + disk.resolve("w"))
        .endsWith(": cannot write: No space left on device");
  }
}

package org.nnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills up while a run or an export writes: exit 2 in one line that names the file it
 * could not write, and the folder keeps the set it held before. Needs a small tmpfs, so root;
 * skipped with that reason elsewhere.
 */
class FullDiskTest {

  @Test
  void runAndExport_ontoAFullDisk_exitTwo_andKeepTheOldSet(@TempDir Path tmp) throws Exception {
    Path disk = Files.createDirectories(tmp.resolve("disk"));
    Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=1536k", "tmpfs", disk.toString()),
        "mounting a 1.5 MB tmpfs as a disk that fills up needs root");
    try {
      // a tiny run (its report.html 1.1 MB with the chart library, model 25 KB) and its export fit in
      // 1.5 MB; a 784-100-10 model (628 KB) beside them does not
      Path tiny = disk.resolve("tiny");
      assertThat(CliRun.of("run", CliRun.config("quickstart.yaml"), "--out", tiny.toString(), "--set", "training.epochs=1",
          "--set", "network.layers=[784,4,10]").exit()).isZero();
      Path npy = disk.resolve("npy");
      assertThat(CliRun.of("export", tiny.resolve("model.nnlab").toString(), "--npy", npy.toString()).exit()).isZero();
      var runBefore = OutputFolderProcessTest.contents(tiny);
      var npyBefore = OutputFolderProcessTest.contents(npy);

      Path big = tmp.resolve("big");
      assertThat(CliRun.of("run", CliRun.config("quickstart.yaml"), "--out", big.toString(),
          "--set", "training.epochs=1").exit()).isZero();
      CliRun export = CliRun.of("export", big.resolve("model.nnlab").toString(), "--npy", npy.toString());
      assertThat(export.exit()).isEqualTo(2);
      assertThat(export.err()).startsWith("nnlab: ").hasLineCount(1);
      assertThat(OutputFolderProcessTest.contents(npy)).isEqualTo(npyBefore);

      CliRun run = CliRun.of("run", CliRun.config("quickstart.yaml"), "--out", tiny.toString(), "--set", "training.epochs=1");
      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.err()).startsWith("nnlab: ").hasLineCount(1);
      assertThat(OutputFolderProcessTest.contents(tiny)).isEqualTo(runBefore);

      CliRun imported = CliRun.of("import", npy.toString(), "--out", tmp.resolve("again.nnlab").toString());
      assertThat(imported.exit()).as(imported.err()).isZero();
      assertThat(imported.out()).startsWith("model [784, 4, 10] written to ");
    } finally {
      run("umount", disk.toString());
    }
  }

  @Test
  void runAndExport_ontoAFullDisk_nameTheFileTheyCouldNotWrite(@TempDir Path tmp) throws Exception {
    Path disk = Files.createDirectories(tmp.resolve("disk"));
    Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", disk.toString()),
        "mounting a 16 KB tmpfs as a full disk needs root");
    try {
      Files.writeString(tmp.resolve("train.csv"), "0,10,200,30,240\n1,220,20,200,10\n0,5,210,25,250\n1,230,15,190,5\n");
      Path config = Files.writeString(tmp.resolve("tiny.yaml"), """
          name: tiny-disk
          data: {train: {format: csv, file: train.csv}, test: {format: csv, file: train.csv}}
          network: {layers: [4, 3, 2]}
          training: {epochs: 1}
          """);
      CliRun run = CliRun.of("run", config.toString(), "--out", disk.resolve("out").toString());
      assertThat(HostileInputTest.badInput(run)).startsWith("I/O error: " + disk.resolve("out"))
          .endsWith(": cannot write: No space left on device");

      Path out = tmp.resolve("out");
      CliRun trained = CliRun.of("run", config.toString(), "--out", out.toString());
      assertThat(trained.exit()).as(trained.err()).isZero();
      Files.write(disk.resolve("filler"), new byte[12 << 10]);
      CliRun export = CliRun.of("export", out.resolve("model.nnlab").toString(), "--npy", disk.resolve("w").toString());
      assertThat(HostileInputTest.badInput(export)).startsWith("I/O error: " + disk.resolve("w"))
          .endsWith(": cannot write: No space left on device");
    } finally {
      run("umount", disk.toString());
    }
  }

  private static boolean run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
  }
}

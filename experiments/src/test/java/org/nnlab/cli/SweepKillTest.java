package org.nnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.sweep.ResultsStore;
import org.nnlab.sweep.TrialResult;

/** A real sweep process killed with SIGKILL mid-run, then resumed: the full trial set, none twice. */
class SweepKillTest {

  @Test
  void killNine_thenResume_endsWithExactlyEveryTrialOnce(@TempDir Path dir) throws Exception {
    Path config = TinySweeps.write(dir, "[0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]", 1);
    Path out = dir.resolve("out");
    Path jsonl = out.resolve("results.jsonl");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.nnlab.cli.Main",
        "sweep", config.toString(), "--out", out.toString(), "--parallel", "1")
        .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (lines(jsonl) < 2 && p.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(p.isAlive()).as("the sweep was still running when killed: %s",
          Files.exists(dir.resolve("log.txt")) ? Files.readString(dir.resolve("log.txt")) : "").isTrue();
    } finally {
      p.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no flushing
      p.waitFor(30, TimeUnit.SECONDS);
    }
    int before = lines(jsonl);
    assertThat(before).isBetween(2, 7);

    CliRun resumed = CliRun.of("sweep", config.toString(), "--out", out.toString(), "--resume", "--parallel", "2");
    assertThat(resumed.exit()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("resuming: ");
    List<TrialResult> all = ResultsStore.readAll(jsonl);
    assertThat(Files.readAllLines(jsonl)).hasSize(8);
    assertThat(all.stream().map(t -> t.parameters().get("training.learningRate")))
        .containsExactlyInAnyOrder(0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7);
  }

  private static int lines(Path file) throws IOException {
    return Files.exists(file) ? (int) Files.readString(file).chars().filter(c -> c == '\n').count() : 0;
  }
}

package org.nnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.sweep.ResultsStore;
import org.nnlab.sweep.TrialResult;

/**
 * A real sweep process killed with SIGKILL mid-run, then resumed: the full trial set, none twice,
 * and the dead sweep's lock taken over.
 */
class SweepKillTest {

  @Test
  void killNine_thenResume_endsWithExactlyEveryTrialOnce(@TempDir Path dir) throws Exception {
    Path config = TinySweeps.write(dir, "[0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]", 1);
    Path out = dir.resolve("out");
    Path jsonl = out.resolve("results.jsonl");
    NnlabProcess p = NnlabProcess.start(dir, dir.resolve("log.txt"), Map.of(),
        "sweep", config.toString(), "--out", out.toString(), "--parallel", "1");
    try {
      p.awaitWhileAlive(() -> lines(jsonl) >= 2);
      assertThat(p.process().isAlive()).as("the sweep was still running when killed: %s", p.output()).isTrue();
    } finally {
      p.killNine(); // SIGKILL on Unix: no shutdown hooks, no flushing
    }
    int before = lines(jsonl);
    assertThat(before).isBetween(2, 7);

    CliRun resumed = CliRun.of("sweep", config.toString(), "--out", out.toString(), "--resume", "--parallel", "2");
    assertThat(resumed.exit()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("resuming: ");
    assertThat(resumed.err()).as("the killed sweep's lock is taken over")
        .contains("was held by PID " + p.pid() + " on ", "which has stopped; taken over");
    assertThat(out.resolve(".nnlab.lock")).doesNotExist();
    List<TrialResult> all = ResultsStore.readAll(jsonl);
    assertThat(Files.readAllLines(jsonl)).hasSize(8);
    assertThat(all.stream().map(t -> t.parameters().get("training.learningRate")))
        .containsExactlyInAnyOrder(0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7);
  }

  private static int lines(Path file) {
    try {
      return Files.exists(file) ? (int) Files.readString(file).chars().filter(c -> c == '\n').count() : 0;
    } catch (IOException e) {
      return 0;
    }
  }
}

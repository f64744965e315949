package org.nnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.cluster.ClusterWorker;
import org.nnlab.cluster.testsupport.LoopbackClusters;
import org.nnlab.sweep.ResultsStore;
import org.nnlab.sweep.TrialResult;

/** Processes killed with SIGKILL in the middle of a cluster sweep: a worker, then the coordinator. */
class ClusterKillTest {
  private static final String RATES = "[0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5]";
  private static final List<Double> ALL = List.of(0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5);

  @TempDir Path dir;

  @Test
  void workerProcessKilledNineMidSweep_losesNoTrialAndStoresNoneTwice() throws Exception {
    String cluster = LoopbackClusters.uniqueName();
    Path config = TinySweeps.write(dir, RATES, 1);
    Path out = dir.resolve("out");
    Path log = dir.resolve("worker.log");
    try (ClusterWorker first = TestClusters.member(cluster, List.of())) {
      int port = LoopbackClusters.freePort();
      Process worker = TestClusters.nnlab(log, "worker", "--port", Integer.toString(port), "--join", first.address(),
          "--cluster-name", cluster, "--threads", "1");
      CliRun run;
      try {
        assertThat(TestClusters.await(() -> TestClusters.read(log).contains("Ctrl-C leaves"), 60))
            .as(TestClusters.read(log)).isTrue();
        CompletableFuture<CliRun> sweep = CompletableFuture.supplyAsync(() -> CliRun.of("sweep", config.toString(),
            "--out", out.toString(), "--cluster", first.address(), "--cluster-name", cluster));
        // killed once it has trained a trial, with more of its jobs queued behind it
        assertThat(TestClusters.await(() -> TestClusters.read(log).contains("trained trial"), 60))
            .as(TestClusters.read(log)).isTrue();
        worker.destroyForcibly(); // SIGKILL: no goodbye to the cluster
        assertThat(worker.waitFor(30, TimeUnit.SECONDS)).isTrue();
        run = sweep.get(120, TimeUnit.SECONDS);
      } finally {
        worker.destroyForcibly();
      }
      assertThat(run.exit()).as(run.err()).isZero();
      assertThat(run.out()).contains("member 127.0.0.1:" + port + " left: 1 member");
    }
    assertEveryTrialOnce(out.resolve(ResultsStore.FILE));
  }

  @Test
  void coordinatorKilledNineMidSweep_thenResumed_endsWithEveryTrialOnce() throws Exception {
    String cluster = LoopbackClusters.uniqueName();
    Path config = TinySweeps.write(dir, RATES, 1);
    Path out = dir.resolve("out");
    Path jsonl = out.resolve(ResultsStore.FILE);
    Path log = dir.resolve("coordinator.log");
    try (ClusterWorker first = TestClusters.member(cluster, List.of());
        ClusterWorker second = TestClusters.member(cluster, List.of(first.address()))) {
      Process coordinator = TestClusters.nnlab(log, "sweep", config.toString(), "--out", out.toString(),
          "--cluster", first.address(), "--cluster-name", cluster);
      try {
        assertThat(TestClusters.await(() -> TestClusters.lines(jsonl) >= 2 || !coordinator.isAlive(), 90)).isTrue();
        assertThat(coordinator.isAlive()).as("still running when killed: %s", TestClusters.read(log)).isTrue();
      } finally {
        coordinator.destroyForcibly(); // SIGKILL: its jobs on the members are orphaned
        coordinator.waitFor(30, TimeUnit.SECONDS);
      }
      assertThat(TestClusters.lines(jsonl)).isBetween(2, ALL.size() - 1);

      CliRun resumed = CliRun.of("sweep", config.toString(), "--out", out.toString(), "--resume",
          "--cluster", first.address(), "--cluster-name", cluster);
      assertThat(resumed.exit()).as(resumed.err()).isZero();
      assertThat(resumed.out()).contains("resuming: ");
    }
    assertEveryTrialOnce(jsonl);
  }

  private static void assertEveryTrialOnce(Path jsonl) throws Exception {
    assertThat(Files.readAllLines(jsonl)).hasSize(ALL.size());
    List<TrialResult> all = ResultsStore.readAll(jsonl);
    assertThat(all.stream().map(t -> t.parameters().get("training.learningRate"))).containsExactlyInAnyOrderElementsOf(ALL);
    assertThat(all).allSatisfy(t -> assertThat(t.result().completed()).isTrue());
  }
}

package org.nnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.cluster.ClusterWorker;
import org.nnlab.cluster.testsupport.LoopbackClusters;
import org.nnlab.sweep.ResultsStore;
import org.nnlab.sweep.TrialResult;

/** {@code nnlab sweep --cluster} and {@code nnlab worker}, as a user types them. */
class ClusterCommandsTest {
  @TempDir Path dir;

  @Test
  void sweepOnTwoMembers_storesEveryTrialOnce_andSaysWhichMemberTrainedIt() throws Exception {
    String cluster = LoopbackClusters.uniqueName();
    try (ClusterWorker first = TestClusters.member(cluster, List.of());
        ClusterWorker second = TestClusters.member(cluster, List.of(first.address()))) {
      Path config = TinySweeps.write(dir, "[0.1, 0.3]", 2);
      Path out = dir.resolve("out");
      CliRun run = CliRun.of("sweep", config.toString(), "--out", out.toString(),
          "--cluster", first.address(), "--cluster-name", cluster);
      assertThat(run.exit()).as(run.err()).isZero();
      assertThat(run.out()).contains("cluster '" + cluster + "': 2 members, 2 trial threads")
          .contains("trials per member: ").contains("tiny-sweep: 4 trials on cluster '" + cluster + "' (2 members)");
      List<TrialResult> stored = ResultsStore.readAll(out.resolve(ResultsStore.FILE));
      assertThat(stored).extracting(TrialResult::trial).doesNotHaveDuplicates().hasSize(4);
      assertThat(stored).allSatisfy(t -> {
        String member = t.result().provenance().member();
        assertThat(member).isIn(first.address(), second.address());
        assertThat(run.out()).contains(t.seed() + ": completed").contains("on " + member);
      });
    }
  }

  @Test
  void clusterAddressThatIsNotHostPort_isOneLine_exitTwo() throws Exception {
    Path config = TinySweeps.write(dir, "[0.1]", 1);
    CliRun run = CliRun.of("sweep", config.toString(), "--out", dir.resolve("out").toString(), "--cluster", "localhost");
    assertThat(run.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err().trim()).isEqualTo("nnlab: --cluster: 'localhost' is not HOST:PORT; allowed: a comma-separated "
        + "list such as 10.0.0.5:5701,10.0.0.6:5701");
  }

  @Test
  void parallelWithCluster_isRefused_exitTwo() throws Exception {
    Path config = TinySweeps.write(dir, "[0.1]", 1);
    CliRun run = CliRun.of("sweep", config.toString(), "--cluster", "127.0.0.1:5701", "--parallel", "2");
    assertThat(run.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err()).contains("--parallel does not apply with --cluster");
  }

  @Test
  void workerWithABadPort_isOneLine_exitTwo() {
    CliRun run = CliRun.of("worker", "--port", "70000");
    assertThat(run.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(run.err().trim()).isEqualTo("nnlab: worker: port must be in 1–65535, found 70000");
  }

  @Test
  void workerGivenSigterm_leavesTheClusterAndExitsZero() throws Exception {
    String cluster = LoopbackClusters.uniqueName();
    try (ClusterWorker first = TestClusters.member(cluster, List.of())) {
      Path log = dir.resolve("worker.log");
      Process worker = TestClusters.nnlab(log, "worker", "--port", Integer.toString(LoopbackClusters.freePort()),
          "--join", first.address(), "--cluster-name", cluster, "--threads", "1");
      try {
        // once it says so, Ctrl-C leaves (a signal while it is still starting just ends the JVM)
        assertThat(TestClusters.await(() -> TestClusters.read(log).contains("Ctrl-C leaves"), 60))
            .as(TestClusters.read(log)).isTrue();
        assertThat(first.members()).isEqualTo(2);
        worker.destroy(); // SIGTERM
        assertThat(worker.waitFor(30, TimeUnit.SECONDS)).isTrue();
      } finally {
        worker.destroyForcibly();
      }
      assertThat(worker.exitValue()).as(TestClusters.read(log)).isZero();
      assertThat(TestClusters.read(log)).contains("in cluster '" + cluster + "': 2 members, 1 trial thread; Ctrl-C leaves")
          .contains(": leaving the cluster").containsPattern("worker 127\\.0\\.0\\.1:\\d+: left");
      assertThat(TestClusters.await(() -> first.members() == 1, 10)).as("the member saw the worker leave").isTrue();
    }
  }
}

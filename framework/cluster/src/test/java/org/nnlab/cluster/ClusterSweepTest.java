package org.nnlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nnlab.cluster.testsupport.LoopbackClusters;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.sweep.ResultsStore;
import org.nnlab.sweep.SweepListener;
import org.nnlab.sweep.SweepPlan;
import org.nnlab.sweep.TrialResult;

/** Three embedded members and a client: the same trials, to the bit, as a sweep in one JVM. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterSweepTest {
  private final String cluster = LoopbackClusters.uniqueName();
  private final List<ClusterWorker> members = new ArrayList<>();

  @TempDir Path dir;

  @BeforeAll
  void startThreeMembers() {
    ClusterWorker first = LoopbackClusters.workers().start(LoopbackClusters.options(cluster, List.of(), 1),
        ClusterListener.NONE);
    members.add(first);
    for (int i = 0; i < 2; i++) {
      members.add(LoopbackClusters.workers().start(LoopbackClusters.options(cluster, List.of(first.address()), 1),
          ClusterListener.NONE));
    }
    assertThat(first.members()).isEqualTo(3);
  }

  @AfterAll
  void stopMembers() {
    members.forEach(ClusterWorker::close);
  }

  @Test
  void gridOnThreeMembers_equalsTheSameGridInOneJvm() throws IOException {
    SweepPlan plan = ClusterFixtures.plan(dir, "[0.05, 0.1, 0.3]", 2);
    List<TrialResult> local = runHere(plan, dir.resolve("local"));
    List<TrialResult> remote;
    ClusterTrialExecutor trials;
    try (ResultsStore store = ResultsStore.open(dir.resolve("cluster").resolve(ResultsStore.FILE));
        ClusterTrialExecutor executor = connect()) {
      trials = executor;
      assertThat(executor.members()).hasSize(3);
      assertThat(executor.capacity()).as("twice the members' 3 threads").isEqualTo(6);
      remote = ClusterFixtures.sweeps().run(plan, store, executor, SweepListener.NONE);
      assertThat(executor.trialsPerMember().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(6);
    }
    assertThat(remote).extracting(ClusterAssertions::figures)
        .containsExactlyElementsOf(local.stream().map(ClusterAssertions::figures).toList());
    List<String> addresses = members.stream().map(ClusterWorker::address).toList();
    assertThat(remote).allSatisfy(t -> assertThat(t.result().provenance().member()).isIn(addresses));
    assertThat(ResultsStore.readAll(dir.resolve("cluster").resolve(ResultsStore.FILE))).hasSize(6);
    assertThat(trials.trialsPerMember().keySet()).isSubsetOf(addresses);
  }

  @Test
  void halvingOnThreeMembers_picksAndTrainsWhatItPicksInOneJvm() throws IOException {
    SweepPlan plan = ClusterFixtures.plan(dir, "sweep:\n  strategy: halving\n  maxEpochs: 3\n  repeats: 1\n"
        + "  parameters:\n    training.learningRate: [0.01, 0.1, 0.3, 0.6]\n");
    List<TrialResult> local = runHere(plan, dir.resolve("local"));
    List<TrialResult> remote;
    try (ResultsStore store = ResultsStore.open(dir.resolve("cluster").resolve(ResultsStore.FILE));
        ClusterTrialExecutor executor = connect()) {
      remote = ClusterFixtures.sweeps().run(plan, store, executor, SweepListener.NONE);
    }
    assertThat(remote).hasSize(6); // 4 points at 1 epoch, the best 2 at 3
    Map<String, TrialResult> here = local.stream().collect(Collectors.toMap(TrialResult::trial, Function.identity()));
    assertThat(remote).allSatisfy(t -> assertThat(ClusterAssertions.figures(t))
        .isEqualTo(ClusterAssertions.figures(here.get(t.trial()))));
  }

  private ClusterTrialExecutor connect() {
    return ClusterTrialExecutor.connect(List.of(members.get(0).address()), cluster, LoopbackClusters.LOADER,
        ClusterListener.NONE);
  }

  private static List<TrialResult> runHere(SweepPlan plan, Path out) throws IOException {
    try (ResultsStore store = ResultsStore.open(out.resolve(ResultsStore.FILE))) {
      return ClusterFixtures.sweeps().run(plan, store, 2, SweepListener.NONE);
    }
  }
}

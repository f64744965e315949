package org.nnlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.cluster.testsupport.LoopbackClusters;
import org.nnlab.experiment.EpochStats;
import org.nnlab.sweep.ResultsStore;
import org.nnlab.sweep.SweepListener;
import org.nnlab.sweep.SweepPlan;
import org.nnlab.sweep.Trial;
import org.nnlab.sweep.TrialResult;

/**
 * Two embedded members and a coordinator: the coordinator hears each remote trial's epochs while
 * it trains — each member holds its trial in epoch 1 until the coordinator has heard that epoch,
 * so what arrives could not have come with the result — in order, with the member, before the
 * result, to the bit the figures of the result.
 */
class ClusterEpochsTest {
  @TempDir Path dir;

  private final Map<String, CountDownLatch> heardFirstEpoch = new ConcurrentHashMap<>();
  private final Set<String> notHeardLive = ConcurrentHashMap.newKeySet();

  private CountDownLatch firstEpoch(String trialId) {
    return heardFirstEpoch.computeIfAbsent(trialId, id -> new CountDownLatch(1));
  }

  /** A worker's listener that holds a trial after its first epoch until the coordinator has heard it. */
  private final ClusterListener holdUntilHeard = new ClusterListener() {
    @Override
    public void onEpoch(String trialId, EpochStats epoch) {
      try {
        if (epoch.epoch() == 1 && !firstEpoch(trialId).await(60, TimeUnit.SECONDS)) {
          notHeardLive.add(trialId);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  };

  @Test
  void remoteTrials_reportEpochsOneToE_inOrder_withTheirMember_beforeTheirResult() throws Exception {
    String cluster = LoopbackClusters.uniqueName();
    SweepPlan plan = ClusterFixtures.plan(dir, "sweep:\n  parameters:\n    training.learningRate: [0.1, 0.3, 0.6]\n"
        + "    training.epochs: [3]\n  repeats: 1\n");
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    Map<String, List<EpochStats>> epochs = new ConcurrentHashMap<>();
    SweepListener coordinator = new SweepListener() {
      @Override
      public void onEpoch(Trial trial, EpochStats epoch, String member) {
        events.add(trial.id() + " epoch " + epoch.epoch() + " on " + member);
        epochs.computeIfAbsent(trial.id(), id -> Collections.synchronizedList(new ArrayList<>())).add(epoch);
        if (epoch.epoch() == 1) {
          firstEpoch(trial.id()).countDown();
        }
      }

      @Override
      public void onTrial(TrialResult result, int done, int total) {
        events.add(result.trial() + " stored");
      }
    };
    List<TrialResult> results;
    List<String> addresses;
    try (ClusterWorker first = LoopbackClusters.workers().start(LoopbackClusters.options(cluster, List.of(), 1),
            holdUntilHeard);
        ClusterWorker second = LoopbackClusters.workers().start(
            LoopbackClusters.options(cluster, List.of(first.address()), 1), holdUntilHeard);
        ResultsStore store = ResultsStore.open(dir.resolve(ResultsStore.FILE));
        ClusterTrialExecutor executor = ClusterTrialExecutor.connect(List.of(first.address()), cluster,
            LoopbackClusters.LOADER, ClusterListener.NONE)) {
      addresses = List.of(first.address(), second.address());
      results = ClusterFixtures.sweeps().run(plan, store, executor, coordinator);
    }

    assertThat(results).hasSize(3);
    assertThat(notHeardLive).as("trials whose first epoch did not reach the coordinator while they trained").isEmpty();
    for (TrialResult r : results) {
      String member = r.result().provenance().member();
      assertThat(member).isIn(addresses);
      assertThat(events.stream().filter(e -> e.startsWith(r.trial() + " ")).toList()).containsExactly(
          r.trial() + " epoch 1 on " + member, r.trial() + " epoch 2 on " + member,
          r.trial() + " epoch 3 on " + member, r.trial() + " stored");
      assertThat(epochs.get(r.trial())).as("the epochs heard are the result's, to the bit")
          .containsExactlyElementsOf(r.result().epochs());
    }
    assertThat(ResultsStore.readAll(dir.resolve(ResultsStore.FILE))).extracting(TrialResult::trial)
        .containsExactlyInAnyOrderElementsOf(results.stream().map(TrialResult::trial).toList());
  }
}

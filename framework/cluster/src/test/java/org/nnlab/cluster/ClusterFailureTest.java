package org.nnlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nnlab.cluster.testsupport.LoopbackClusters;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.experiment.Provenance;
import org.nnlab.sweep.ResultsStore;
import org.nnlab.sweep.SweepListener;
import org.nnlab.sweep.SweepPlan;
import org.nnlab.sweep.Trial;
import org.nnlab.sweep.TrialResult;

/** What a sweep on a cluster does when a member dies under it, and when a member runs another nnlab. */
class ClusterFailureTest {
  private final String cluster = LoopbackClusters.uniqueName();
  private final List<ClusterWorker> members = new ArrayList<>();

  @TempDir Path dir;

  @AfterEach
  void stopMembers() {
    members.forEach(ClusterWorker::terminate);
  }

  @Test
  void memberTerminatedMidSweep_losesNoTrialAndStoresNoneTwice() throws Exception {
    ClusterWorker first = start(List.of(), ClusterListener.NONE, Provenance.nnlabVersion());
    start(List.of(first.address()), ClusterListener.NONE, Provenance.nnlabVersion());
    AtomicBoolean killed = new AtomicBoolean();
    // the third member dies the moment it has trained its first trial, with more of its jobs queued
    ClusterWorker[] doomed = new ClusterWorker[1];
    doomed[0] = start(List.of(first.address()), new ClusterListener() {
      @Override
      public void onTrial(String trialId, String status, double seconds, String problem) {
        if (killed.compareAndSet(false, true)) {
          new Thread(() -> doomed[0].terminate()).start();
        }
      }
    }, Provenance.nnlabVersion());
    String doomedAddress = doomed[0].address();
    List<String> left = new CopyOnWriteArrayList<>();
    SweepPlan plan = ClusterFixtures.plan(dir, "[0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]", 1);
    Path file = dir.resolve(ResultsStore.FILE);
    try (ResultsStore store = ResultsStore.open(file);
        ClusterTrialExecutor executor = ClusterTrialExecutor.connect(List.of(first.address()), cluster,
            LoopbackClusters.LOADER, new ClusterListener() {
              @Override
              public void onMemberLeft(String member, int count) {
                left.add(member + " → " + count);
              }
            })) {
      ClusterFixtures.sweeps().run(plan, store, executor, SweepListener.NONE);
    }
    assertThat(killed).as("the third member trained a trial and was terminated").isTrue();
    assertThat(left).containsExactly(doomedAddress + " → 2");
    List<TrialResult> stored = ResultsStore.readAll(file);
    assertThat(Files.readAllLines(file)).hasSize(12);
    assertThat(stored).extracting(TrialResult::trial)
        .containsExactlyInAnyOrderElementsOf(plan.trials().stream().map(Trial::id).toList());
    assertThat(stored).allSatisfy(t -> assertThat(t.result().completed()).isTrue());
  }

  @Test
  void memberOfAnotherNnlabVersion_refusesTheTrial_andTheSweepStopsSayingWhy() throws Exception {
    ClusterWorker other = start(List.of(), ClusterListener.NONE, "9.9.9");
    SweepPlan plan = ClusterFixtures.plan(dir, "[0.1, 0.3]", 1);
    Path file = dir.resolve(ResultsStore.FILE);
    try (ResultsStore store = ResultsStore.open(file);
        ClusterTrialExecutor executor = ClusterTrialExecutor.connect(List.of(other.address()), cluster,
            LoopbackClusters.LOADER, ClusterListener.NONE)) {
      assertThatThrownBy(() -> ClusterFixtures.sweeps().run(plan, store, executor, SweepListener.NONE))
          .isInstanceOf(ClusterException.class)
          .hasMessage("member " + other.address() + " runs nnlab 9.9.9, the coordinator nnlab "
              + Provenance.nnlabVersion() + ": run the same nnlab build on every member and the coordinator");
    }
    assertThat(ResultsStore.readAll(file)).isEmpty();
  }

  private ClusterWorker start(List<String> join, ClusterListener listener, String version) {
    ClusterWorker w = LoopbackClusters.workers().start(LoopbackClusters.options(cluster, join, 1), listener, version);
    members.add(w);
    return w;
  }
}

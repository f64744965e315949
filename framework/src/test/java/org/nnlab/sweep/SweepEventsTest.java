package org.nnlab.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.experiment.EpochStats;

/** The events a live view hears: each trial handed out, each of its epochs, then its result. */
class SweepEventsTest {
  @TempDir Path dir;

  @Test
  void everyTrialStarts_reportsEachEpochWithItsAccuracy_thenFinishes() throws Exception {
    SweepPlan plan = SweepFixtures.plan("""
        sweep:
          parameters:
            training.learningRate: [0.1, 0.5]
            training.epochs: [2]
          repeats: 2
        """);
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    List<TrialResult> results;
    try (ResultsStore store = ResultsStore.open(dir.resolve(ResultsStore.FILE))) {
      results = SweepFixtures.runner(new SweepFixtures.CountingLoader()).run(plan, store, 2, new SweepListener() {
        @Override
        public void onTrialStarted(Trial trial, int epochs) {
          events.add("start " + trial.id() + " of " + epochs);
        }

        @Override
        public void onEpoch(Trial trial, EpochStats e, String member) {
          assertThat(member).as("trained in this JVM").isEmpty();
          events.add("epoch " + trial.id() + " " + e.epoch() + " " + e.accuracy());
        }

        @Override
        public void onTrial(TrialResult r, int done, int total) {
          events.add("done " + r.trial());
        }
      });
    }
    assertThat(results).hasSize(4);
    for (TrialResult r : results) {
      List<String> mine = events.stream().filter(e -> e.contains(" " + r.trial())).toList();
      assertThat(mine).containsExactly("start " + r.trial() + " of 2",
          "epoch " + r.trial() + " 1 " + r.result().epochs().get(0).accuracy(),
          "epoch " + r.trial() + " 2 " + r.result().epochs().get(1).accuracy(),
          "done " + r.trial());
    }
  }
}

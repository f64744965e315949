package org.nnlab.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A random plan may draw the same point twice: its trial (same id, same seed) trains and is stored once. */
class RandomRepeatsPointTest {
  @TempDir Path dir;

  @Test
  void randomPlan_drawingAPointTwice_trainsItOnce_andReturnsItForEachDraw() throws Exception {
    SweepPlan plan = SweepFixtures.plan("""
        sweep:
          strategy: random
          trials: 8
          parameters:
            training.learningRate: [0.1, 0.5]
        """);
    assertThat(plan.trials()).hasSize(8);
    List<TrialResult> results;
    try (ResultsStore store = ResultsStore.open(dir.resolve(ResultsStore.FILE))) {
      results = SweepFixtures.runner(new SweepFixtures.CountingLoader()).run(plan, store, 2, SweepListener.NONE);
      assertThat(store.results()).hasSize(2).extracting(TrialResult::trial).doesNotHaveDuplicates();
    }
    assertThat(results).hasSize(8).extracting(TrialResult::trial)
        .containsExactlyElementsOf(plan.trials().stream().map(Trial::id).toList());
  }
}

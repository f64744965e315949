package org.nnlab.sweep;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * A grid or random sweep: every trial of the plan (each point × its repeats), in one batch. The
 * points were chosen up front ({@link SweepPlan}); nothing here depends on results.
 */
final class GridSweep {
  private GridSweep() {}

  /** Runs the trials {@code store} lacks; returns every trial of the plan, in plan order. */
  static List<TrialResult> run(SweepPlan plan, TrialBatch batch, ResultsStore store, SweepListener listener)
      throws IOException {
    List<Trial> trials = plan.trials();
    listener.onPlanned(trials.size(), countDone(trials, store));
    return batch.run(trials, trials.size(), (trial, config) -> TrialTask.of(trial.id(), config));
  }

  /** How many of {@code trials} the store holds. */
  static int countDone(List<Trial> trials, ResultsStore store) {
    Set<String> ids = store.trialIds();
    return (int) trials.stream().filter(t -> ids.contains(t.id())).count();
  }
}

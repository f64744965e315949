package org.nnlab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nnlab.experiment.EpochStats;
import org.nnlab.experiment.ExperimentResult;
import org.nnlab.experiment.Provenance;
import org.nnlab.sweep.TrialResult;

/** Finished trials made by hand, with the figures a report reads. */
final class Trials {
  private Trials() {}

  /**
   * A trial at {@code params} with {@code accuracy} after each of its epochs (the last is its own):
   * completed, or diverged when the last is NaN.
   */
  static TrialResult of(Map<String, Object> params, int repeat, long seed, double... accuracy) {
    List<EpochStats> epochs = new ArrayList<>();
    for (int e = 0; e < accuracy.length; e++) {
      epochs.add(new EpochStats(e + 1, accuracy[e], 0.1 / (e + 1), 0.5, 1000));
    }
    boolean diverged = Double.isNaN(accuracy[accuracy.length - 1]);
    ExperimentResult r = new ExperimentResult("t", diverged ? ExperimentResult.DIVERGED : ExperimentResult.COMPLETED,
        accuracy[accuracy.length - 1], 1000,
        0.5 * accuracy.length, 1, 500L * accuracy.length, epochs, List.of(), diverged ? null : new int[][] {{3, 1}, {0, 4}},
        new Provenance("sha256:c", Map.of("train", "sha256:a"), seed, "0.1.0", "17", "Linux", ""), "name: t\n");
    return new TrialResult(org.nnlab.experiment.ResultsJson.toJsonLine(params) + "#" + repeat, params, repeat, seed, r);
  }
}

package org.nnlab.testsupport;

import java.util.List;
import java.util.Map;
import org.nnlab.config.Severity;
import org.nnlab.experiment.EpochStats;
import org.nnlab.experiment.ExperimentResult;
import org.nnlab.experiment.Mistake;
import org.nnlab.experiment.Provenance;
import org.nnlab.rules.Finding;
import org.nnlab.rules.Phase;

/** A complete, valid experiment result with every kind of field filled, for results-file tests. */
public final class TinyResults {
  private TinyResults() {}

  /** A completed 2-class run of 2 epochs, with a finding, a confusion matrix and a 2×2 mistake. */
  public static ExperimentResult completed(double accuracy) {
    return completed(accuracy, List.of(new Finding("saturation", Severity.WARN, Phase.EPOCH, "12% saturated")));
  }

  /** As {@link #completed(double)}, with these {@code findings} (none: a rule-clean run). */
  public static ExperimentResult completed(double accuracy, List<Finding> findings) {
    Provenance p = new Provenance("sha256:ab", Map.of("train", "sha256:cd", "test", "sha256:ef"), 7,
        "0.1.0", "17", "Linux amd64", "");
    return new ExperimentResult("tiny", ExperimentResult.COMPLETED, accuracy, 1000.0, 0.2, 0.3, 200,
        List.of(new EpochStats(1, 0.5, 0.12, 0.1, 1000.0), new EpochStats(2, 0.8, 0.08, 0.1, 1000.0)),
        findings,
        new int[][] {{40, 10}, {5, 45}}, p, "name: tiny\n",
        List.of(new Mistake(3, 1, 0, 0.9, 2, 2, "AAEC/w==")), Map.of("-10", 0.8));
  }
}

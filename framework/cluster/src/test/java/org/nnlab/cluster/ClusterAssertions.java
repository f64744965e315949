package org.nnlab.cluster;

import java.util.Arrays;
import java.util.List;
import org.nnlab.experiment.ExperimentResult;
import org.nnlab.sweep.TrialResult;

/** What must be equal, bit for bit, between a trial trained on a member and the same trial trained here. */
final class ClusterAssertions {
  private ClusterAssertions() {}

  /**
   * The figures a trial's seed and config determine — status, accuracy (as raw bits), every
   * epoch's accuracy and loss, the confusion matrix, the findings, the config and the data's
   * hashes — leaving out timings and where it ran.
   */
  static List<Object> figures(ExperimentResult r) {
    return List.of(r.status(), Double.doubleToRawLongBits(r.accuracy()), r.samplesTrained(),
        r.epochs().stream().map(e -> List.of(Double.doubleToRawLongBits(e.accuracy()),
            Double.doubleToRawLongBits(e.loss()))).toList(),
        Arrays.deepToString(r.confusion()), r.findings().stream().map(f -> f.rule() + ": " + f.message()).toList(),
        r.config(), r.provenance().configHash(), r.provenance().datasets(), r.provenance().seed());
  }

  /** A trial's identity and figures. */
  static List<Object> figures(TrialResult t) {
    return List.of(t.trial(), t.seed(), t.parameters(), figures(t.result()));
  }
}

package org.nnlab.experiment;

import org.nnlab.config.ExperimentConfig;
import org.nnlab.data.Dataset;
import org.nnlab.metrics.Evaluation;
import org.nnlab.network.Network;

/**
 * An experiment that has run, in memory: its result plus what reports and model files need beyond
 * it — the trained network, the data, the final evaluation (null when nothing was trained) and the
 * config that was run, and the run id its meters were tagged with
 * ({@link org.nnlab.metrics.TrainingMetrics#RUN}).
 */
public record ExperimentRun(
    ExperimentResult result, Network network, Dataset train, Dataset test, Evaluation evaluation,
    ExperimentConfig config, String runId) {

  /** A run whose meters carried no run id (one read back from files). */
  public ExperimentRun(
      ExperimentResult result, Network network, Dataset train, Dataset test, Evaluation evaluation,
      ExperimentConfig config) {
    this(result, network, train, test, evaluation, config, "");
  }
}

package org.nnlab.cluster;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import org.nnlab.config.ConfigLoader;
import org.nnlab.config.DataSource;
import org.nnlab.config.ExperimentConfig;
import org.nnlab.data.DatasetLoader;
import org.nnlab.experiment.ExperimentResult;
import org.nnlab.experiment.ExperimentRunner;
import org.nnlab.experiment.NetworkFactory;
import org.nnlab.experiment.ResultsJson;
import org.nnlab.rules.RuleBook;
import org.nnlab.sweep.CachingDatasetLoader;
import org.nnlab.sweep.EpochListener;
import org.nnlab.sweep.TrialTask;
import org.nnlab.training.Trainer;

/**
 * A member's side of a trial: checks that the job comes from the same nnlab version and names the
 * same data the member holds, then binds the job's YAML and trains it, exactly as a sweep in one
 * JVM would. Every dataset is read once per worker and kept.
 *
 * <p>Each trial gets meters of its own (a fresh registry): a trial that runs twice on one member
 * — at-least-once execution — must not count its samples twice. Thread-safe.
 */
final class TrialTrainer {
  /** Where a member's user context holds its trainer, for {@link TrialJob#call}. */
  static final String CONTEXT_KEY = "nnlab.trialTrainer";

  private final DatasetLoader loader;
  private final RuleBook rules;
  private final NetworkFactory networks;
  private final Trainer trainer;
  private final String nnlabVersion;
  private final ClusterListener listener;

  TrialTrainer(DatasetLoader loader, RuleBook rules, NetworkFactory networks, Trainer trainer, String nnlabVersion,
      ClusterListener listener) {
    this.loader = new CachingDatasetLoader(loader);
    this.rules = rules;
    this.networks = networks;
    this.trainer = trainer;
    this.nnlabVersion = nnlabVersion;
    this.listener = listener;
  }

  /**
   * Trains {@code job} on member {@code member}, telling {@code epochs} — then the worker's listener
   * — each epoch as it ends; a refusal or an error is an outcome, not an exception.
   */
  TrialOutcome train(TrialJob job, String member, EpochListener epochs) {
    long start = System.nanoTime();
    TrialOutcome outcome;
    try {
      outcome = trainChecked(job, member, (epoch, from) -> {
        epochs.onEpoch(epoch, from);
        listener.onEpoch(job.trialId(), epoch);
      });
    } catch (RuntimeException e) {
      outcome = TrialOutcome.problem(job.trialId(), member, "member " + member + " could not train trial "
          + job.trialId() + ": " + e.getMessage());
    }
    String status = outcome.problem() != null ? "refused" : ResultsJson.fromJson(outcome.resultJson()).status();
    listener.onTrial(job.trialId(), status, (System.nanoTime() - start) / 1e9, outcome.problem());
    return outcome;
  }

  private TrialOutcome trainChecked(TrialJob job, String member, EpochListener epochs) {
    if (!job.nnlabVersion().equals(nnlabVersion)) {
      return TrialOutcome.problem(job.trialId(), member, "member " + member + " runs nnlab " + nnlabVersion
          + ", the coordinator nnlab " + job.nnlabVersion() + ": run the same nnlab build on every member "
          + "and the coordinator");
    }
    ExperimentConfig config = new ConfigLoader(rules.ids())
        .document(job.configYaml(), Path.of("coordinator.yaml")).bind();
    String problem = sameData(config.data().train(), job.trainSha256(), member);
    if (problem == null) {
      problem = sameData(config.data().test(), job.testSha256(), member);
    }
    if (problem != null) {
      return TrialOutcome.problem(job.trialId(), member, problem);
    }
    ExperimentRunner runner = new ExperimentRunner.Factory(rules, networks, trainer, new SimpleMeterRegistry())
        .create(loader, Tags.of("trial", job.trialId()));
    ExperimentResult result = TrialTask.of(job.trialId(), config).train(runner, epochs, member).result();
    result = result.withProvenance(result.provenance().withMember(member));
    return TrialOutcome.trained(job.trialId(), member, ResultsJson.toJsonLine(result));
  }

  /** Null when this member's {@code source} hashes to {@code expected}, else what differs. */
  private String sameData(DataSource source, String expected, String member) {
    String here = loader.load(source).sha256();
    if (here.equals(expected)) {
      return null;
    }
    return "member " + member + " reads other data for " + ClusterDatasets.describe(source) + " (" + here
        + ") than the coordinator (" + expected + "): provision the same files on every member "
        + "(docs/cluster.md)";
  }
}

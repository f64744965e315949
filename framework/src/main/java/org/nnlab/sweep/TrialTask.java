package org.nnlab.sweep;

import java.util.Objects;
import java.util.Optional;
import org.nnlab.config.ExperimentConfig;
import org.nnlab.experiment.EpochStats;
import org.nnlab.experiment.ExperimentRun;
import org.nnlab.experiment.ExperimentRunner;
import org.nnlab.training.TrainingListener;

/**
 * One trial as a {@link TrialExecutor} receives it: data, not code — the trial's id and its full
 * config, which carries the trial's seed ({@link SweepPlan#configOf}). Whatever trains it, in this
 * JVM or on another machine, gives the same numbers from these two alone.
 *
 * <pre>{@code
 * TrialTask task = TrialTask.of(trial.id(), plan.configOf(trial));
 * ExperimentRun run = task.train(runners.create(loader, Tags.of("run", sweepId, "trial", task.trialId())));
 * }</pre>
 *
 * @param continueFrom halving's shortcut: the same point and repeat's completed run of the last
 *     rung, still in this JVM's memory, to train on from its weights ({@link
 *     ExperimentRunner#continueRun}). Only a hint: training from scratch gives the same numbers, so
 *     an executor that trains elsewhere ignores it.
 */
public record TrialTask(String trialId, ExperimentConfig config, Optional<ExperimentRun> continueFrom) {
  public TrialTask {
    Objects.requireNonNull(trialId, "trialId");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(continueFrom, "continueFrom");
  }

  /** The task of training {@code config} from scratch. */
  public static TrialTask of(String trialId, ExperimentConfig config) {
    return new TrialTask(trialId, config, Optional.empty());
  }

  /**
   * This task, continuing {@code run} when it completed and its epochs ran at the rates this
   * config's schedule gives them (else still from scratch).
   */
  public TrialTask continuing(ExperimentRun run) {
    return new TrialTask(trialId, config, Optional.of(run).filter(r -> r.result().completed()
        && config.training().sameRatesAs(r.config().training(), r.config().training().epochs())));
  }

  /** The seed the trial trains with. */
  public long seed() {
    return config.seed();
  }

  /** Trains the trial with {@code runner}, going on from {@link #continueFrom} when there is one. */
  public ExperimentRun train(ExperimentRunner runner) {
    return train(runner, TrainingListener.NONE);
  }

  /**
   * As {@link #train(ExperimentRunner)}, telling {@code epochs} what each epoch did once it is
   * evaluated, as trained on {@code member} (empty: in this JVM).
   */
  public ExperimentRun train(ExperimentRunner runner, EpochListener epochs, String member) {
    return train(runner, EpochStats.listener(stats -> epochs.onEpoch(stats, member)));
  }

  /** As {@link #train(ExperimentRunner)}, telling {@code listener} what each epoch did. */
  public ExperimentRun train(ExperimentRunner runner, TrainingListener listener) {
    return continueFrom.isPresent()
        ? runner.continueRun(continueFrom.get(), config, listener)
        : runner.run(config, listener);
  }
}

package org.nnlab.sweep;

import com.google.inject.Inject;
import java.io.IOException;
import java.util.List;
import org.nnlab.config.SweepConfig.Strategy;
import org.nnlab.data.DatasetLoader;
import org.nnlab.experiment.ExperimentRunner;

/**
 * Runs a {@link SweepPlan}'s trials, storing each as it finishes and skipping trials the store
 * already holds (resume): by {@link GridSweep} (grid and random) or {@link HalvingSweep}, each
 * trial trained by a {@link TrialExecutor} — a pool of threads here ({@link LocalTrialExecutor}),
 * or one the caller gives.
 *
 * <pre>{@code
 * try (ResultsStore store = ResultsStore.open(dir.resolve(ResultsStore.FILE))) {
 *   List<TrialResult> all = sweepRunner.run(plan, store, 2, SweepListener.NONE);
 * }
 * }</pre>
 *
 * <p>Each trial's meters go to the host's registry tagged {@code run=<sweep id>, trial=<id>}
 * ({@link org.nnlab.metrics.TrainingMetrics}), removed when the trial ends unless the host keeps
 * them; its own figures land in its result. Trials share nothing mutable: each builds its own network and random streams from
 * its own seed; the datasets, read once per sweep, are immutable. So results do not depend on the
 * pool size, nor on the order trials finish.
 *
 * <p>Stopping: the first trial that throws stops the sweep — the others are interrupted and stop
 * before their next block of samples, nothing more is stored, and the trial's exception is thrown
 * once no trial trains any more. The store keeps the trials that finished before; a later run on
 * the same store runs only the rest.
 */
public final class SweepRunner {
  private final DatasetLoader loader;
  private final ExperimentRunner.Factory runners;

  @Inject
  public SweepRunner(DatasetLoader loader, ExperimentRunner.Factory runners) {
    this.loader = loader;
    this.runners = runners;
  }

  /** The pool size when none is given: the number of cores. */
  public static int defaultParallelism() {
    return Runtime.getRuntime().availableProcessors();
  }

  /**
   * Runs the plan's missing trials on {@code parallelism} threads of this JVM. When it returns or
   * throws, no thread of the pool is left.
   *
   * @return every trial of the sweep, stored before or now, in plan order
   * @throws IllegalArgumentException when {@code parallelism} &lt; 1
   */
  public List<TrialResult> run(SweepPlan plan, ResultsStore store, int parallelism, SweepListener listener)
      throws IOException {
    try (LocalTrialExecutor trials = new LocalTrialExecutor(parallelism, runners, loader)) {
      return run(plan, store, trials, listener);
    }
  }

  /**
   * Runs the plan's missing trials on {@code trials}, which the caller closes. When it throws, the
   * executor's trials have been cancelled ({@link TrialExecutor#cancelAll}).
   *
   * @return every trial of the sweep, stored before or now, in plan order
   */
  public List<TrialResult> run(SweepPlan plan, ResultsStore store, TrialExecutor trials, SweepListener listener)
      throws IOException {
    TrialBatch batch = new TrialBatch(plan, store, trials, listener);
    return plan.sweep().strategy() == Strategy.HALVING
        ? new HalvingSweep(plan, batch, listener).run(store)
        : GridSweep.run(plan, batch, store, listener);
  }
}

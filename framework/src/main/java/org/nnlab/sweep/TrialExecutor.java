package org.nnlab.sweep;

import java.util.concurrent.CompletableFuture;
/**
 * Where a sweep's trials train: {@link LocalTrialExecutor} on a pool of threads in this JVM; an
 * executor on a cluster implements the same four methods. A {@link TrialTask} is data (trial id,
 * config with its seed), so an implementation may ship it anywhere.
 *
 * <pre>{@code
 * try (TrialExecutor trials = new LocalTrialExecutor(2, runners, loader)) {
 *   CompletableFuture<TrialRun> run = trials.submit(TrialTask.of(id, config));
 *   … run.get() …
 * }
 * }</pre>
 *
 * <p>The sweep ({@link SweepRunner}) keeps at most {@link #capacity} trials submitted and not yet
 * finished, stores each result itself, and on the first failure calls {@link #cancelAll}: an
 * executor never writes results and never decides what runs next. Its methods are called from one
 * thread; its futures may complete on any.
 */
public interface TrialExecutor extends AutoCloseable {

  /** How many trials the caller should keep in flight: enough to keep every worker busy. */
  int capacity();

  /**
   * Starts training {@code task}. The future completes with the trial's run, or exceptionally
   * with what the trial threw ({@link java.util.concurrent.CancellationException} when cancelled).
   *
   * @throws IllegalStateException after {@link #cancelAll} or {@link #close}
   */
  CompletableFuture<TrialRun> submit(TrialTask task);

  /**
   * As {@link #submit(TrialTask)}, telling {@code epochs} about each epoch as the trial trains, for
   * live views: in order, each before the trial's future completes. An executor that cannot hear
   * its trials' epochs may ignore it: by default it does.
   */
  default CompletableFuture<TrialRun> submit(TrialTask task, EpochListener epochs) {
    return submit(task);
  }

  /**
   * Stops every trial submitted and not finished, and returns once none of them trains any more
   * (or a bound has passed: then it throws {@link IllegalStateException} naming what still runs).
   * Their futures complete with a {@link java.util.concurrent.CancellationException}; the executor
   * takes no more trials.
   */
  void cancelAll();

  /**
   * Takes no more trials, stops those still in flight (as {@link #cancelAll}), and returns once
   * none trains any more, within a bound ({@link IllegalStateException} past it). Releases the
   * executor's threads or connections. Calling it again does nothing.
   */
  @Override
  void close();
}

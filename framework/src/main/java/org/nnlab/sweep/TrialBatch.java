package org.nnlab.sweep;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.nnlab.config.ExperimentConfig;

/**
 * The loop every sweep strategy runs its trials through: one batch (a grid, a halving rung) on a
 * {@link TrialExecutor}. Trials the store holds are skipped (resume); the rest are submitted
 * longest first, at most {@link TrialExecutor#capacity} at a time, and each is stored the moment
 * it finishes — by this thread alone, so nothing is written once the batch has returned or thrown.
 *
 * <p>The first trial that throws stops the batch: the executor cancels the others and waits for
 * them ({@link TrialExecutor#cancelAll}), nothing more is stored, and the trial's exception is
 * thrown. The store then holds exactly the trials that finished before it.
 */
final class TrialBatch {
  /** What a strategy adds to the loop: how a trial becomes a task, and what it keeps of a stored run. */
  interface Hooks {
    TrialTask task(Trial trial, ExperimentConfig config);

    default void stored(Trial trial, TrialRun run) {}
  }

  private final SweepPlan plan;
  private final ResultsStore store;
  private final TrialExecutor executor;
  private final SweepListener listener;

  TrialBatch(SweepPlan plan, ResultsStore store, TrialExecutor executor, SweepListener listener) {
    this.plan = plan;
    this.store = store;
    this.executor = executor;
    this.listener = listener;
  }

  /** A trial's run or what it threw, as its future completed. */
  private record Finished(Trial trial, TrialRun run, Throwable failure) {}

  /**
   * Runs the {@code trials} the store lacks; {@code total} is the sweep's trial count so far, for
   * the listener.
   *
   * @return the results of all {@code trials}, stored before or now, in their order
   */
  List<TrialResult> run(List<Trial> trials, int total, Hooks hooks) throws IOException {
    Map<String, TrialResult> byId = new LinkedHashMap<>();
    store.results().forEach(r -> byId.put(r.trial(), r));
    int before = store.results().size();
    // each missing trial's config, bound once: for the longest-first order and for its task
    Map<String, ExperimentConfig> configs = new HashMap<>();
    trials.stream().filter(t -> !byId.containsKey(t.id())).forEach(t -> configs.put(t.id(), plan.configOf(t)));
    // longest first, so the pool does not end on one long trial while the other threads idle
    // a random plan may draw a point twice: the same id and seed, so one trial, trained once
    Map<String, Trial> distinct = new LinkedHashMap<>();
    trials.stream().filter(t -> configs.containsKey(t.id())).forEach(t -> distinct.putIfAbsent(t.id(), t));
    Iterator<Trial> queue = distinct.values().stream()
        .sorted(Comparator.comparingDouble((Trial t) -> -work(configs.get(t.id()))))
        .toList().iterator();
    int missing = configs.size();
    BlockingQueue<Finished> finished = new LinkedBlockingQueue<>();
    try {
      int inFlight = submit(queue, 0, configs, hooks, finished);
      for (int done = 0; done < missing; done++) {
        Finished f = finished.take();
        if (f.failure() != null) {
          throw rethrown(f.failure());
        }
        // the next trial starts before this one's line is forced to disk
        inFlight = submit(queue, inFlight - 1, configs, hooks, finished);
        TrialResult r = TrialResult.of(f.trial(), f.run().result());
        store.append(r);
        byId.put(r.trial(), r);
        hooks.stored(f.trial(), f.run());
        listener.onTrial(r, before + done + 1, Math.max(total, before + done + 1));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      IllegalStateException stop = new IllegalStateException("the sweep was interrupted", e);
      stopTrials(stop);
      throw stop;
    } catch (IOException | RuntimeException | Error e) {
      stopTrials(e);
      throw e;
    }
    return trials.stream().map(t -> byId.get(t.id())).toList();
  }

  /** Submits trials from {@code queue} until {@code inFlight} reaches the executor's capacity; returns the new count. */
  private int submit(Iterator<Trial> queue, int inFlight, Map<String, ExperimentConfig> configs, Hooks hooks,
      BlockingQueue<Finished> finished) {
    for (; inFlight < executor.capacity() && queue.hasNext(); inFlight++) {
      Trial t = queue.next();
      ExperimentConfig config = configs.remove(t.id());
      listener.onTrialStarted(t, config.training().epochs());
      executor.submit(hooks.task(t, config), (epoch, member) -> listener.onEpoch(t, epoch, member))
          .whenComplete((run, failure) -> finished.add(new Finished(t, run, failure)));
    }
    return inFlight;
  }

  /** Has the executor stop the other trials, before {@code cause} is thrown; a failure to stop is added to it. */
  private void stopTrials(Throwable cause) {
    try {
      executor.cancelAll();
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  /** What a trial threw, as the sweep throws it: unchecked and I/O errors unchanged. */
  private static RuntimeException rethrown(Throwable failure) throws IOException {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    if (cause instanceof RuntimeException re) {
      return re;
    }
    if (cause instanceof Error err) {
      throw err;
    }
    if (cause instanceof IOException io) {
      throw io;
    }
    return new IllegalStateException("a trial failed: " + cause, cause);
  }

  /** A trial's training work, up to a constant: epochs × multiply-adds per sample. */
  static double work(ExperimentConfig config) {
    int[] sizes = config.network().sizes();
    double perSample = 0;
    for (int k = 0; k + 1 < sizes.length; k++) {
      perSample += (double) sizes[k] * sizes[k + 1];
    }
    return config.training().epochs() * perSample;
  }
}

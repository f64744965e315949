package org.nnlab.sweep;

import com.google.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.nnlab.config.ExperimentConfig;
import org.nnlab.config.SweepConfig.Strategy;
import org.nnlab.data.DatasetLoader;
import org.nnlab.experiment.ExperimentResult;
import org.nnlab.experiment.ExperimentRunner;
import org.nnlab.experiment.NetworkFactory;
import org.nnlab.network.TrainingEngine;
import org.nnlab.rules.RuleBook;
import org.nnlab.training.Trainer;
import org.nnlab.training.TrainingListener;

/**
 * Runs a {@link SweepPlan}'s trials on a fixed pool of threads, storing each as it finishes and
 * skipping trials the store already holds (resume).
 *
 * <pre>{@code
 * try (ResultsStore store = ResultsStore.open(dir.resolve(ResultsStore.FILE))) {
 *   List<TrialResult> all = sweepRunner.run(plan, store, 2, SweepListener.NONE);
 * }
 * }</pre>
 *
 * <p>Each trial's meters go to the host's registry tagged {@code trial=<id>} (trials share the
 * experiment's name, so without the tag a registry would keep only the first trial's gauges); its
 * own figures are read back from meters of its own and land in its result. Trials share nothing mutable: each builds its own network and random streams from its own
 * seed; the datasets, read once per sweep through a {@link CachingDatasetLoader}, are immutable.
 * So results do not depend on the pool size. Halving runs rung after rung: every point at 1 epoch,
 * then the best third (by mean accuracy over repeats) at 3, then 9, … up to {@code maxEpochs}.
 */
public final class SweepRunner {
  private final DatasetLoader loader;
  private final RuleBook rules;
  private final NetworkFactory networks;
  private final Trainer trainer;
  private final MeterRegistry registry;

  @Inject
  public SweepRunner(
      DatasetLoader loader, RuleBook rules, NetworkFactory networks, Trainer trainer, MeterRegistry registry) {
    this.loader = loader;
    this.rules = rules;
    this.networks = networks;
    this.trainer = trainer;
    this.registry = registry;
  }

  /** The pool size when none is given: the number of cores. */
  public static int defaultParallelism() {
    return Runtime.getRuntime().availableProcessors();
  }

  /**
   * Runs the plan's missing trials with {@code parallelism} threads.
   *
   * @return every trial of the sweep, stored before or now, in plan order
   */
  public List<TrialResult> run(SweepPlan plan, ResultsStore store, int parallelism, SweepListener listener)
      throws IOException {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be ≥ 1, found " + parallelism);
    }
    TrainingEngine.warmUpInBackground(); // the JIT works while the first trials read the data
    DatasetLoader cached = new CachingDatasetLoader(loader);
    Function<Trial, ExperimentRunner> runner =
        trial -> new ExperimentRunner(cached, rules, networks, trainer, registry, Tags.of("trial", trial.id()));
    ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
      Thread t = new Thread(r, "nnlab-trial");
      t.setDaemon(true);
      return t;
    });
    try {
      if (plan.sweep().strategy() != Strategy.HALVING) {
        List<Trial> trials = plan.trials();
        listener.onPlanned(trials.size(), countDone(trials, store));
        return runAll(plan, trials, store, pool, runner, listener, new int[] {trials.size()});
      }
      return halving(plan, store, pool, runner, listener);
    } finally {
      pool.shutdownNow();
    }
  }

  private List<TrialResult> halving(SweepPlan plan, ResultsStore store, ExecutorService pool,
      Function<Trial, ExperimentRunner> runner, SweepListener listener) throws IOException {
    int maxEpochs = plan.sweep().maxEpochs();
    List<SweepPoint> points = plan.points();
    List<TrialResult> all = new ArrayList<>();
    int[] total = {0};
    for (int epochs = 1; ; epochs = Math.min(maxEpochs, epochs * 3)) {
      List<Trial> rung = plan.trialsOf(SweepPlan.atEpochs(points, epochs));
      total[0] += rung.size();
      listener.onPlanned(total[0], countDone(rung, store) + all.size());
      List<TrialResult> results = runAll(plan, rung, store, pool, runner, listener, total);
      all.addAll(results);
      int keep = (points.size() + 2) / 3;
      if (epochs >= maxEpochs || points.size() <= 1) {
        return all;
      }
      points = best(points, results, keep);
    }
  }

  /** The {@code keep} points with the highest mean accuracy (NaN last), ties in plan order. */
  static List<SweepPoint> best(List<SweepPoint> points, List<TrialResult> results, int keep) {
    Map<SweepPoint, Double> mean = new LinkedHashMap<>();
    for (SweepPoint p : points) {
      Map<String, Object> params = p.parameters();
      mean.put(p, results.stream()
          .filter(r -> withoutEpochs(r.parameters()).equals(withoutEpochs(params)))
          .mapToDouble(r -> Double.isNaN(r.result().accuracy()) ? -1 : r.result().accuracy())
          .average().orElse(-1));
    }
    return points.stream()
        .sorted(Comparator.comparingDouble((SweepPoint p) -> -mean.get(p)))
        .limit(keep)
        .map(p -> withoutEpochs(p))
        .toList();
  }

  private static Map<String, Object> withoutEpochs(Map<String, Object> params) {
    Map<String, Object> m = new LinkedHashMap<>(params);
    m.remove(SweepPlan.EPOCHS_KEY);
    return m;
  }

  private static SweepPoint withoutEpochs(SweepPoint p) {
    SweepPoint q = SweepPoint.EMPTY;
    for (var e : p.nodes().entrySet()) {
      if (!e.getKey().equals(SweepPlan.EPOCHS_KEY)) {
        q = q.with(e.getKey(), e.getValue());
      }
    }
    return q;
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

  private static int countDone(List<Trial> trials, ResultsStore store) {
    Set<String> ids = store.trialIds();
    return (int) trials.stream().filter(t -> ids.contains(t.id())).count();
  }

  /** Runs the trials {@code store} lacks; returns the results of all {@code trials}, in their order. */
  private List<TrialResult> runAll(SweepPlan plan, List<Trial> trials, ResultsStore store,
      ExecutorService pool, Function<Trial, ExperimentRunner> runner, SweepListener listener, int[] total) throws IOException {
    Map<String, TrialResult> byId = new LinkedHashMap<>();
    store.results().forEach(r -> byId.put(r.trial(), r));
    ExecutorCompletionService<TrialResult> done = new ExecutorCompletionService<>(pool);
    List<Future<TrialResult>> futures = new ArrayList<>();
    int before = store.results().size();
    // longest first, so the pool does not end on one long trial while the other threads idle
    List<Trial> missing = trials.stream()
        .filter(t -> !byId.containsKey(t.id()))
        .sorted(Comparator.comparingDouble((Trial t) -> -work(plan.configOf(t))))
        .toList();
    for (Trial t : missing) {
      futures.add(done.submit(() -> {
        ExperimentResult r = runner.apply(t).run(plan.configOf(t), TrainingListener.NONE).result();
        TrialResult tr = TrialResult.of(t, r);
        store.append(tr);
        return tr;
      }));
    }
    try {
      for (int i = 0; i < futures.size(); i++) {
        TrialResult r = done.take().get();
        byId.put(r.trial(), r);
        listener.onTrial(r, before + i + 1, Math.max(total[0], before + i + 1));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the sweep was interrupted", e);
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException("a trial failed: " + cause, cause);
    }
    return trials.stream().map(t -> byId.get(t.id())).toList();
  }
}

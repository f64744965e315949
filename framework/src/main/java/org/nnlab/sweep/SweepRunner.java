package org.nnlab.sweep;

import com.google.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.nnlab.config.ExperimentConfig;
import org.nnlab.config.SweepConfig.Strategy;
import org.nnlab.data.DatasetLoader;
import org.nnlab.experiment.ExperimentResult;
import org.nnlab.experiment.ExperimentRun;
import org.nnlab.experiment.ExperimentRunner;
import org.nnlab.experiment.NetworkFactory;
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
 * then the best third (by mean accuracy over repeats) at 3, then 9, … up to {@code maxEpochs}. A
 * survivor is not trained again from epoch 1: its run goes on from where its last rung stopped
 * ({@link ExperimentRunner#continueRun}), which gives the numbers a run from scratch would, and its
 * record still lists every epoch. Only runs that may still survive stay in memory: a point's are
 * let go as soon as enough finished points beat it, the rest when the rung ends. A run the
 * last rung did not hold in memory — loaded from the store by {@code --resume}, or not completed —
 * is trained from scratch instead, to the same numbers.
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
        Function<Trial, ExperimentResult> train =
            t -> runner.apply(t).run(plan.configOf(t), TrainingListener.NONE).result();
        return runAll(plan, trials, store, pool, train, listener, new int[] {trials.size()});
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
    // the last rung's runs of the points still in the race, by point (without epochs) and repeat
    Map<String, ExperimentRun> survivors = new ConcurrentHashMap<>();
    for (int epochs = 1; ; epochs = Math.min(maxEpochs, epochs * 3)) {
      List<Trial> rung = plan.trialsOf(SweepPlan.atEpochs(points, epochs));
      total[0] += rung.size();
      listener.onPlanned(total[0], countDone(rung, store) + all.size());
      Map<String, ExperimentRun> previous = survivors;
      Map<String, ExperimentRun> runs = new HashMap<>(); // guarded by itself
      List<TrialResult> ranHere = new ArrayList<>();
      List<SweepPoint> racing = points;
      int keep = (points.size() + 2) / 3;
      List<TrialResult> results = runAll(plan, rung, store, pool, t -> {
        ExperimentRun before = previous.remove(lineOf(t)); // continued once, then let go
        ExperimentRun run = before != null && before.result().completed()
            ? runner.apply(t).continueRun(before, plan.configOf(t), TrainingListener.NONE)
            : runner.apply(t).run(plan.configOf(t), TrainingListener.NONE);
        synchronized (runs) {
          runs.put(lineOf(t), run);
          ranHere.add(TrialResult.of(t, run.result()));
          dropLosers(racing, ranHere, keep, plan.sweep().repeats(), runs);
        }
        return run.result();
      }, listener, total);
      all.addAll(results);
      if (epochs >= maxEpochs || points.size() <= 1) {
        return all;
      }
      points = best(points, results, keep);
      dropLosers(points, results, keep, plan.sweep().repeats(), runs);
      survivors = new ConcurrentHashMap<>(runs);
    }
  }

  /**
   * Lets go of the runs of the points, among those whose repeats all have results, that {@code keep}
   * such points beat: more results can only push a point further down, so no run that would
   * survive the rung is dropped, and memory holds the contenders, not the whole rung.
   */
  static void dropLosers(
      List<SweepPoint> points, List<TrialResult> results, int keep, int repeats, Map<String, ExperimentRun> runs) {
    Map<Map<String, Object>, Long> counts = results.stream()
        .collect(Collectors.groupingBy(r -> withoutEpochs(r.parameters()), Collectors.counting()));
    List<SweepPoint> complete = points.stream()
        .filter(p -> counts.getOrDefault(p.parameters(), 0L) == repeats).toList();
    Set<SweepPoint> contenders = Set.copyOf(best(complete, results, keep));
    for (SweepPoint p : complete) {
      for (int r = 0; r < repeats && !contenders.contains(p); r++) {
        runs.remove(p.canonical() + "#" + r);
      }
    }
  }

  /** A point's repeat across rungs: the trial id without the epochs (as {@link #dropLosers} names it). */
  private static String lineOf(Trial t) {
    return t.point().without(SweepPlan.EPOCHS_KEY).canonical() + "#" + t.repeat();
  }

  /** The {@code keep} points with the highest mean accuracy (NaN last), ties in plan order. */
  static List<SweepPoint> best(List<SweepPoint> points, List<TrialResult> results, int keep) {
    Map<SweepPoint, Double> mean = new LinkedHashMap<>();
    for (SweepPoint p : points) {
      Map<String, Object> params = p.without(SweepPlan.EPOCHS_KEY).parameters();
      mean.put(p, results.stream()
          .filter(r -> withoutEpochs(r.parameters()).equals(params))
          .mapToDouble(r -> Double.isNaN(r.result().accuracy()) ? -1 : r.result().accuracy())
          .average().orElse(-1));
    }
    return points.stream()
        .sorted(Comparator.comparingDouble((SweepPoint p) -> -mean.get(p)))
        .limit(keep)
        .map(p -> p.without(SweepPlan.EPOCHS_KEY))
        .toList();
  }

  private static Map<String, Object> withoutEpochs(Map<String, Object> params) {
    Map<String, Object> m = new LinkedHashMap<>(params);
    m.remove(SweepPlan.EPOCHS_KEY);
    return m;
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

  /**
   * Runs the trials {@code store} lacks, each by {@code train}, on {@code pool}; returns the results
   * of all {@code trials}, in their order.
   */
  private List<TrialResult> runAll(SweepPlan plan, List<Trial> trials, ResultsStore store, ExecutorService pool,
      Function<Trial, ExperimentResult> train, SweepListener listener, int[] total) throws IOException {
    Map<String, TrialResult> byId = new LinkedHashMap<>();
    store.results().forEach(r -> byId.put(r.trial(), r));
    ExecutorCompletionService<TrialResult> done = new ExecutorCompletionService<>(pool);
    List<Future<TrialResult>> futures = new ArrayList<>();
    int before = store.results().size();
    // longest first, so the pool does not end on one long trial while the other threads idle; each
    // trial's config is bound once here, not at every comparison of the sort
    Map<String, Double> work = new HashMap<>();
    trials.stream().filter(t -> !byId.containsKey(t.id()))
        .forEach(t -> work.put(t.id(), work(plan.configOf(t))));
    List<Trial> missing = trials.stream()
        .filter(t -> work.containsKey(t.id()))
        .sorted(Comparator.comparingDouble((Trial t) -> -work.get(t.id())))
        .toList();
    for (Trial t : missing) {
      futures.add(done.submit(() -> {
        TrialResult tr = TrialResult.of(t, train.apply(t));
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
      if (cause instanceof Error error) {
        throw error; // an OutOfMemoryError stays one, for the caller to report
      }
      throw new IllegalStateException("a trial failed: " + cause, cause);
    }
    return trials.stream().map(t -> byId.get(t.id())).toList();
  }
}

package org.nnlab.sweep;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.nnlab.config.ExperimentConfig;
import org.nnlab.experiment.ExperimentRun;
import org.nnlab.experiment.ExperimentRunner;

/**
 * Successive halving, rung after rung: every point at 1 epoch, then the best third (by mean
 * accuracy over repeats) at 3, then 9, … up to {@code maxEpochs} (Jamieson and Talwalkar, 2016,
 * with a factor of 3). Each rung is one {@link TrialBatch}. The accuracy that promotes is
 * {@link org.nnlab.experiment.ExperimentResult#choiceAccuracy}: on the held-out training samples
 * when the config has {@code data.validation}, so the test part is never chosen by; else the test
 * accuracy. With {@code sweep.choose: rule-clean} the points whose trials have no rule finding are
 * promoted first ({@link Ranking}).
 *
 * <p>A survivor is not trained again from epoch 1 when its last rung's run is still in memory: it
 * goes on from where that rung stopped ({@link ExperimentRunner#continueRun}), which gives the
 * numbers a run from scratch would, and its record still lists every epoch. Only runs that may
 * still survive stay in memory: a point's are let go as soon as enough finished points beat it,
 * the rest when the rung ends. A run the last rung did not hold — loaded from the store by
 * {@code --resume}, trained by an executor elsewhere, or not completed — is trained from scratch,
 * to the same numbers. Not thread-safe: one sweep, run by one thread.
 */
final class HalvingSweep {
  private final SweepPlan plan;
  private final TrialBatch batch;
  private final SweepListener listener;
  private final int repeats;
  private final Ranking ranking;

  HalvingSweep(SweepPlan plan, TrialBatch batch, SweepListener listener) {
    this.plan = plan;
    this.batch = batch;
    this.listener = listener;
    this.repeats = plan.sweep().repeats();
    this.ranking = Ranking.of(plan.sweep().choose());
  }

  /** Runs every rung; returns all their trials, rung by rung, each rung in plan order. */
  List<TrialResult> run(ResultsStore store) throws IOException {
    int maxEpochs = plan.sweep().maxEpochs();
    List<SweepPoint> points = plan.points();
    List<TrialResult> all = new ArrayList<>();
    int total = 0;
    // the last rung's runs of the points still in the race, by point (without epochs) and repeat
    Map<String, ExperimentRun> survivors = new HashMap<>();
    for (int epochs = 1; ; epochs = Math.min(maxEpochs, epochs * 3)) {
      List<Trial> rung = plan.trialsOf(SweepPlan.atEpochs(points, epochs));
      total += rung.size();
      listener.onPlanned(total, GridSweep.countDone(rung, store) + all.size());
      Rung hooks = new Rung(points, survivors);
      List<TrialResult> results = batch.run(rung, total, hooks);
      all.addAll(results);
      if (epochs >= maxEpochs || points.size() <= 1) {
        return all;
      }
      dropLosers(points, results, hooks.keep, repeats, ranking, hooks.runs);
      points = best(points, results, hooks.keep, ranking);
      survivors = hooks.runs;
    }
  }

  /** One rung's hooks: survivors continue their last run; each stored run is held while it may still survive. */
  private final class Rung implements TrialBatch.Hooks {
    final List<SweepPoint> racing;
    final int keep;
    final Map<String, ExperimentRun> previous;
    final Map<String, ExperimentRun> runs = new HashMap<>();
    final List<TrialResult> ranHere = new ArrayList<>();

    Rung(List<SweepPoint> racing, Map<String, ExperimentRun> previous) {
      this.racing = racing;
      this.keep = (racing.size() + 2) / 3;
      this.previous = previous;
    }

    @Override
    public TrialTask task(Trial trial, ExperimentConfig config) {
      TrialTask task = TrialTask.of(trial.id(), config);
      ExperimentRun before = previous.remove(lineOf(trial)); // continued once, then let go
      return before == null ? task : task.continuing(before);
    }

    @Override
    public void stored(Trial trial, TrialRun run) {
      run.inMemory().ifPresent(r -> runs.put(lineOf(trial), r));
      ranHere.add(TrialResult.of(trial, run.result()));
      dropLosers(racing, ranHere, keep, repeats, ranking, runs);
    }
  }

  /**
   * Lets go of the runs of the {@code points} (without epochs), among those whose repeats all have
   * results, that {@code keep}
   * such points beat: more results can only push a point further down (a complete point's standing,
   * clean or not and its mean, is final), so no run that would survive the rung is dropped, and
   * memory holds the contenders, not the whole rung.
   */
  static void dropLosers(List<SweepPoint> points, List<TrialResult> results, int keep, int repeats, Ranking ranking,
      Map<String, ExperimentRun> runs) {
    Map<Map<String, Object>, Long> counts = results.stream()
        .collect(Collectors.groupingBy(r -> withoutEpochs(r.parameters()), Collectors.counting()));
    List<SweepPoint> complete = points.stream()
        .filter(p -> counts.getOrDefault(p.parameters(), 0L) == repeats).toList();
    Set<SweepPoint> contenders = Set.copyOf(best(complete, results, keep, ranking));
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

  /**
   * The {@code keep} points first by {@code ranking} (under rule-clean, points whose results are all
   * clean first), then by the highest mean {@code choiceAccuracy} (a NaN counts as −1), ties in plan
   * order; without their epochs.
   */
  static List<SweepPoint> best(List<SweepPoint> points, List<TrialResult> results, int keep, Ranking ranking) {
    Map<SweepPoint, Double> mean = new LinkedHashMap<>();
    Map<SweepPoint, Boolean> clean = new LinkedHashMap<>();
    for (SweepPoint p : points) {
      Map<String, Object> params = p.without(SweepPlan.EPOCHS_KEY).parameters();
      List<TrialResult> mine = results.stream().filter(r -> withoutEpochs(r.parameters()).equals(params)).toList();
      mean.put(p, mine.stream()
          .mapToDouble(r -> Double.isNaN(r.result().choiceAccuracy()) ? -1 : r.result().choiceAccuracy())
          .average().orElse(-1));
      clean.put(p, Ranking.clean(mine));
    }
    return points.stream()
        .sorted(ranking.bestFirst(clean::get, mean::get))
        .limit(keep)
        .map(p -> p.without(SweepPlan.EPOCHS_KEY))
        .toList();
  }

  private static Map<String, Object> withoutEpochs(Map<String, Object> params) {
    Map<String, Object> m = new LinkedHashMap<>(params);
    m.remove(SweepPlan.EPOCHS_KEY);
    return m;
  }
}

package org.nnlab.sweep;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.nnlab.config.Severity;
import org.nnlab.config.SweepConfig.Choose;
import org.nnlab.experiment.ExperimentResult;
import org.nnlab.rules.Finding;

/**
 * How a sweep ranks its points and trials, best first: the one ranking every chooser uses (halving's
 * promotion, a report's best point and best repeat, the best-so-far line and the CLI's progress).
 * With {@code sweep.choose: rule-clean}, what is {@linkplain #clean rule-clean} ranks before
 * everything with rule findings; then, and with the default {@code any} only, a higher score
 * ranks first. NaN scores rank last; ties keep the order given (sorts are stable).
 *
 * <pre>{@code
 * Ranking ranking = Ranking.of(plan.sweep().choose());
 * TrialResult best = ranking.best(trials, Ranking::clean, t -> t.result().choiceAccuracy());
 * }</pre>
 *
 * <p>What is scored — a point's mean choice accuracy, or a trial's own — is the caller's, so the
 * ranking only decides the order. A point is clean when every one of its trials is.
 *
 * @param choose which points may be chosen, {@code sweep.choose}
 */
public record Ranking(Choose choose) {
  /** The default ranking, by score alone. */
  public static final Ranking ANY = new Ranking(Choose.ANY);

  public Ranking {
    Objects.requireNonNull(choose, "choose");
  }

  public static Ranking of(Choose choose) {
    return new Ranking(choose);
  }

  /** Whether clean points are chosen before points with rule findings. */
  public boolean ruleClean() {
    return choose == Choose.RULE_CLEAN;
  }

  /** Whether a run has no rule finding, warn or error, in its findings (at any epoch or phase). */
  public static boolean clean(ExperimentResult r) {
    return rulesFound(r).isEmpty();
  }

  /** The rules with a finding (warn or error) in a run's findings, each once, in the order found. */
  public static List<String> rulesFound(ExperimentResult r) {
    // an off rule produces no finding; one written as off anyway does not count against the run
    return r.findings().stream().filter(f -> f.severity() != Severity.OFF).map(Finding::rule).distinct().toList();
  }

  public static boolean clean(TrialResult t) {
    return clean(t.result());
  }

  /** Whether every one of {@code trials} is clean (a point's trials: the point is clean). */
  public static boolean clean(Collection<TrialResult> trials) {
    return trials.stream().allMatch(Ranking::clean);
  }

  /** The order best first of things that are {@code clean} or not and have a {@code score}. */
  public <T> Comparator<T> bestFirst(Predicate<? super T> clean, ToDoubleFunction<? super T> score) {
    Comparator<T> byScore = Comparator.comparingDouble((T t) -> {
      double s = score.applyAsDouble(t);
      return Double.isNaN(s) ? Double.NEGATIVE_INFINITY : s;
    }).reversed();
    return ruleClean() ? Comparator.comparing((T t) -> !clean.test(t)).thenComparing(byScore) : byScore;
  }

  /** Trials best first: clean ones first under rule-clean, then by {@link ExperimentResult#choiceAccuracy}. */
  public Comparator<TrialResult> trials() {
    return bestFirst(Ranking::clean, t -> t.result().choiceAccuracy());
  }

  /** The best of {@code items} (the first such on ties), by {@link #bestFirst}. */
  public <T> T best(List<T> items, Predicate<? super T> clean, ToDoubleFunction<? super T> score) {
    if (items.isEmpty()) {
      throw new IllegalArgumentException("no item to choose from");
    }
    Comparator<T> order = bestFirst(clean, score);
    T best = items.get(0);
    for (T t : items) {
      if (order.compare(t, best) < 0) {
        best = t;
      }
    }
    return best;
  }
}

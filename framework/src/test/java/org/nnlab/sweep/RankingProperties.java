package org.nnlab.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.nnlab.config.Severity;
import org.nnlab.config.SweepConfig.Choose;
import org.nnlab.experiment.Validation;
import org.nnlab.rules.Finding;
import org.nnlab.rules.Phase;
import org.nnlab.testsupport.TinyResults;

/**
 * The one ranking every chooser uses: with {@code rule-clean} the chosen point is clean whenever some
 * point is, and the best clean one by accuracy; with the default it is the point the choosers chose
 * before {@code sweep.choose} existed.
 */
class RankingProperties {
  private static final SweepPlan PLAN = SweepFixtures.plan("sweep:\n  strategy: halving\n  maxEpochs: 3\n"
      + "  parameters:\n    training.learningRate: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]\n");
  private static final List<SweepPoint> POINTS = SweepPlan.atEpochs(PLAN.points(), 1);

  /** One finished trial: its choice accuracy (NaN: not measured) and the severity of its one finding, if any. */
  record Outcome(double accuracy, Severity finding) {}

  @Provide
  Arbitrary<List<List<Outcome>>> points() {
    // few distinct accuracies, so that ties and NaN come up
    Arbitrary<Double> accuracy = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, Arbitraries.of(0.2, 0.5, 0.7, 0.9, 0.95)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(Double.NaN)));
    Arbitrary<Severity> finding = Arbitraries.of(Severity.OFF, Severity.OFF, Severity.WARN, Severity.ERROR);
    Arbitrary<Outcome> outcome = Combinators.combine(accuracy, finding).as(Outcome::new);
    return outcome.list().ofMinSize(1).ofMaxSize(3).list().ofMinSize(1).ofMaxSize(POINTS.size());
  }

  @Property(tries = 300)
  void ruleClean_choosesTheBestCleanPoint_whenThereIsOne(@ForAll("points") List<List<Outcome>> points) {
    List<TrialResult> results = results(points);
    List<Integer> clean = IntStream.range(0, points.size()).filter(i -> clean(points.get(i))).boxed().toList();
    Statistics.label("some point clean").collect(!clean.isEmpty());
    Statistics.label("the most accurate point clean").collect(clean.contains(oldBest(points, List.of())));

    int chosen = indexOf(promoted(points, results, Ranking.of(Choose.RULE_CLEAN)));
    if (clean.isEmpty()) {
      assertThat(chosen).as("no point is clean: the best point, as by default").isEqualTo(oldBest(points, List.of()));
    } else {
      assertThat(clean).contains(chosen);
      assertThat(chosen).as("the most accurate clean point, the first on ties").isEqualTo(oldBest(points, clean));
    }
  }

  @Property(tries = 300)
  void any_choosesTheMostAccuratePoint_asBefore(@ForAll("points") List<List<Outcome>> points) {
    List<TrialResult> results = results(points);
    assertThat(indexOf(promoted(points, results, Ranking.ANY))).isEqualTo(oldBest(points, List.of()));
  }

  @Property(tries = 300)
  void ruleClean_ranksEveryCleanPointBeforeEveryPointWithFindings(@ForAll("points") List<List<Outcome>> points) {
    List<TrialResult> results = results(points);
    List<SweepPoint> ranked = HalvingSweep.best(POINTS.subList(0, points.size()), results, points.size(),
        Ranking.of(Choose.RULE_CLEAN));
    List<Boolean> cleanInOrder = ranked.stream().map(p -> clean(points.get(indexOf(p)))).toList();
    assertThat(cleanInOrder).isSortedAccordingTo(Comparator.comparing((Boolean c) -> !c));
  }

  @Property(tries = 300)
  void bestTrial_byTheSameRanking(@ForAll("points") List<List<Outcome>> points) {
    List<TrialResult> results = results(points);
    List<Outcome> flat = points.stream().flatMap(List::stream).toList();
    TrialResult any = Ranking.ANY.best(results, Ranking::clean, t -> t.result().choiceAccuracy());
    TrialResult ruleClean = Ranking.of(Choose.RULE_CLEAN).best(results, Ranking::clean, t -> t.result().choiceAccuracy());
    assertThat(results.indexOf(any)).isEqualTo(firstMax(flat, IntStream.range(0, flat.size()).boxed().toList()));
    List<Integer> clean = IntStream.range(0, flat.size()).filter(i -> flat.get(i).finding() == Severity.OFF).boxed().toList();
    assertThat(results.indexOf(ruleClean)).isEqualTo(clean.isEmpty() ? results.indexOf(any) : firstMax(flat, clean));
    assertThat(Ranking.clean(ruleClean)).isEqualTo(!clean.isEmpty());
  }

  /** The point halving promotes when it keeps one (without its epochs). */
  private static SweepPoint promoted(List<List<Outcome>> points, List<TrialResult> results, Ranking ranking) {
    return HalvingSweep.best(POINTS.subList(0, points.size()), results, 1, ranking).get(0);
  }

  /** The index in {@link #POINTS} of a point without its epochs. */
  private static int indexOf(SweepPoint withoutEpochs) {
    return IntStream.range(0, POINTS.size())
        .filter(i -> POINTS.get(i).without(SweepPlan.EPOCHS_KEY).equals(withoutEpochs)).findFirst().orElseThrow();
  }

  /**
   * The reference: the choosers' code before {@code sweep.choose}, over the points {@code among}
   * (all when empty): the first point with the highest mean accuracy, a NaN trial counting −1.
   */
  private static int oldBest(List<List<Outcome>> points, List<Integer> among) {
    List<Integer> candidates = among.isEmpty() ? IntStream.range(0, points.size()).boxed().toList() : among;
    int best = candidates.get(0);
    for (int i : candidates) {
      if (mean(points.get(i)) > mean(points.get(best))) {
        best = i;
      }
    }
    return best;
  }

  private static double mean(List<Outcome> trials) {
    return trials.stream().mapToDouble(o -> Double.isNaN(o.accuracy()) ? -1 : o.accuracy()).average().orElse(-1);
  }

  private static int firstMax(List<Outcome> trials, List<Integer> among) {
    int best = among.get(0);
    for (int i : among) {
      double a = Double.isNaN(trials.get(i).accuracy()) ? -1 : trials.get(i).accuracy();
      double b = Double.isNaN(trials.get(best).accuracy()) ? -1 : trials.get(best).accuracy();
      if (a > b) {
        best = i;
      }
    }
    return best;
  }

  private static boolean clean(List<Outcome> trials) {
    return trials.stream().allMatch(o -> o.finding() == Severity.OFF);
  }

  /** Each outcome as a trial of its point, repeat by repeat; a finding of severity OFF stands for none. */
  private static List<TrialResult> results(List<List<Outcome>> points) {
    List<TrialResult> results = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      SweepPoint p = POINTS.get(i);
      for (int r = 0; r < points.get(i).size(); r++) {
        Outcome o = points.get(i).get(r);
        List<Finding> findings = o.finding() == Severity.OFF ? List.of()
            : List.of(new Finding("saturation", o.finding(), Phase.EPOCH, "40% saturated"));
        results.add(new TrialResult(p.canonical() + "#" + r, p.parameters(), r, 7 + r,
            TinyResults.completed(0.5, findings).withValidation(new Validation(10, o.accuracy()))));
      }
    }
    return results;
  }
}

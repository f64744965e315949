package org.nnlab.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;

class SweepPlanProperties {

  @Property(tries = 50)
  void gridSize_isTheProductOfTheAxes_timesRepeats(
      @ForAll @IntRange(min = 1, max = 4) int rates,
      @ForAll @IntRange(min = 0, max = 3) int epochs,
      @ForAll @IntRange(min = 0, max = 3) int hidden,
      @ForAll @IntRange(min = 1, max = 3) int repeats) {
    StringBuilder yaml = new StringBuilder("sweep:\n  repeats: " + repeats + "\n  parameters:\n");
    yaml.append("    training.learningRate: ").append(values(rates, i -> 0.1 * (i + 1))).append('\n');
    if (epochs > 0) {
      yaml.append("    training.epochs: ").append(values(epochs, i -> i + 1)).append('\n');
    }
    if (hidden > 0) {
      yaml.append("    network.layers[1]: ").append(values(hidden, i -> 2 + i)).append('\n');
    }
    SweepPlan plan = SweepFixtures.plan(yaml.toString());
    int product = rates * Math.max(1, epochs) * Math.max(1, hidden);
    assertThat(plan.points()).hasSize(product).doesNotHaveDuplicates();
    assertThat(plan.trials()).hasSize(product * repeats);
    assertThat(plan.size()).isEqualTo(product * repeats);
    assertThat(plan.trials().stream().map(Trial::id).distinct().count()).isEqualTo(product * repeats);
  }

  @Property(tries = 50)
  void randomDraws_stayInsideTheirRanges_andLogRangesAreUniformInTheLog(
      @ForAll @DoubleRange(min = 1e-4, max = 1.0) @Scale(6) double low,
      @ForAll @DoubleRange(min = 1.5, max = 1000.0) double factor,
      @ForAll @IntRange(min = 1, max = 50) int lowNodes,
      @ForAll @IntRange(min = 0, max = 200) int extraNodes) {
    double high = low * factor;
    int highNodes = lowNodes + extraNodes;
    SweepPlan plan = SweepFixtures.plan("sweep:\n  strategy: random\n  trials: 200\n  parameters:\n"
        + "    training.learningRate: {min: " + low + ", max: " + high + ", log: true}\n"
        + "    network.layers[1]: {min: " + lowNodes + ", max: " + highNodes + ", integer: true}\n");
    List<Double> rates = new ArrayList<>();
    for (SweepPoint p : plan.points()) {
      Map<String, Object> params = p.parameters();
      double lr = (Double) params.get("training.learningRate");
      Object nodes = params.get("network.layers[1]");
      assertThat(lr).isBetween(low, high);
      assertThat(nodes).isInstanceOf(Long.class);
      assertThat((Long) nodes).isBetween((long) lowNodes, (long) highNodes);
      rates.add(lr);
    }
    assertThat(plan.points()).hasSize(200);
    // log-uniform: about half the draws fall below the geometric mid-point (200 draws: 5 σ ≈ 35)
    double geometricMid = Math.sqrt(low * high);
    long below = rates.stream().filter(r -> r < geometricMid).count();
    assertThat(below).isBetween(65L, 135L);
  }

  @Property(tries = 30)
  void trialSeed_dependsOnTheSweepSeedPointAndRepeatOnly_notOnAxisOrder(
      @ForAll long seed, @ForAll @Size(min = 1, max = 3) List<@IntRange(min = 1, max = 999) Integer> values,
      @ForAll @IntRange(min = 0, max = 5) int repeat) {
    SweepPoint ab = SweepPoint.EMPTY;
    SweepPoint ba = SweepPoint.EMPTY;
    List<String> keys = List.of("a", "b", "c");
    for (int i = 0; i < values.size(); i++) {
      ab = ab.with(keys.get(i), node(values.get(i)));
    }
    for (int i = values.size() - 1; i >= 0; i--) {
      ba = ba.with(keys.get(i), node(values.get(i)));
    }
    assertThat(Trial.of(seed, ab, repeat).seed()).isEqualTo(Trial.of(seed, ba, repeat).seed());
    assertThat(Trial.of(seed, ab, repeat).seed()).isNotEqualTo(Trial.of(seed, ab, repeat + 1).seed());
  }

  @Property(tries = 3)
  void results_areTheSameWhateverThePoolSize(@ForAll @IntRange(min = 2, max = 4) int threads) throws IOException {
    SweepPlan plan = SweepFixtures.plan("sweep:\n  repeats: 2\n  parameters:\n"
        + "    training.learningRate: [0.1, 0.5, 1.0]\n    network.layers[1]: [2, 5]\n");
    Map<String, String> alone = run(plan, 1);
    assertThat(run(plan, threads)).isEqualTo(alone).hasSize(12);
  }

  /** trial id → accuracy and every epoch's loss, as text so NaN compares equal. */
  private static Map<String, String> run(SweepPlan plan, int threads) throws IOException {
    Path dir = Files.createTempDirectory("pool");
    try (ResultsStore store = ResultsStore.open(dir.resolve(ResultsStore.FILE))) {
      return SweepFixtures.runner(new SweepFixtures.CountingLoader())
          .run(plan, store, threads, SweepListener.NONE).stream()
          .collect(Collectors.toMap(TrialResult::trial, t -> t.result().accuracy() + " "
              + t.result().epochs().stream().map(e -> Double.toString(e.loss())).toList()));
    }
  }

  private static org.nnlab.config.ConfigNode node(int v) {
    return new org.nnlab.config.ConfigNode.Scalar(Integer.toString(v), org.nnlab.config.ConfigNode.Kind.INT,
        new org.nnlab.config.Position("t", Path.of("/"), 1, 1));
  }

  private static String values(int n, java.util.function.IntFunction<Object> f) {
    List<String> v = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Object x = f.apply(i);
      v.add(x instanceof Double d ? String.format(java.util.Locale.ROOT, "%.2f", d) : x.toString());
    }
    return v.stream().collect(Collectors.joining(", ", "[", "]"));
  }
}

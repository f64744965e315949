package org.nnlab.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The initializers draw what they claim: σ = 1/√n for normal-fan-in, |w| ≤ 1/√n for uniform. */
class InitializerProperties {

  @Property(tries = 50)
  void normalFanIn_sampleStd_isWithinTolerance_ofOneOverRootN(
      @ForAll @IntRange(min = 1, max = 800) int fanIn, @ForAll long seed) {
    int rows = Math.max(1, 20_000 / fanIn);
    double[] w = new double[rows * fanIn];
    Initializer.normalFanIn().initialize(w, rows, fanIn, new SplittableRandom(seed));
    double mean = java.util.Arrays.stream(w).average().orElseThrow();
    double std = Math.sqrt(java.util.Arrays.stream(w).map(v -> (v - mean) * (v - mean)).sum() / w.length);
    double expected = 1 / Math.sqrt(fanIn);
    // ~20,000 draws: the std of the sample std is σ/√(2N) ≈ 0.5 %; allow 4 %
    assertThat(std / expected).isBetween(0.96, 1.04);
    assertThat(Math.abs(mean)).isLessThan(5 * expected / Math.sqrt(w.length));
  }

  @Property(tries = 50)
  void uniformFanIn_staysInsideOneOverRootN(@ForAll @IntRange(min = 1, max = 800) int fanIn, @ForAll long seed) {
    double[] w = new double[3 * fanIn];
    Initializer.uniformFanIn().initialize(w, 3, fanIn, new SplittableRandom(seed));
    double a = 1 / Math.sqrt(fanIn);
    for (double v : w) {
      assertThat(v).isBetween(-a, a);
    }
  }
}

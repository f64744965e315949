package org.nnlab.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.nnlab.config.ExperimentConfig;
import org.nnlab.config.NetworkConfig;
import org.nnlab.network.Activation;
import org.nnlab.network.Initializer;
import org.nnlab.network.Network;
import org.nnlab.testsupport.TinyExperiments;

/**
 * init-scale says nothing a layer's weights cannot tell: a single weight has no spread, and a few
 * weights drawn right leave the ×2.5 band by chance; what no random draw gives (all weights equal,
 * not finite) is reported at any size.
 */
class InitScaleProperties {
  private final RuleBook book = RuleBook.builtIn();

  private List<Finding> initScale(Network net, Initializer init) {
    ExperimentConfig c = TinyExperiments.config().withNetwork(new NetworkConfig(
        Arrays.stream(net.layerSizes()).boxed().toList(), null, init));
    return book.check(RuleContext.ofConfig(c).withNetwork(net).at(Phase.INIT)).stream()
        .filter(f -> f.rule().equals(InitScaleRule.ID)).toList();
  }

  @Test
  void hundredOneNodeLayers_raiseNoWarning() {
    int[] sizes = new int[100];
    Arrays.fill(sizes, 1);
    Network net = Network.create(sizes, Activation.sigmoid(), Initializer.normalFanIn(), new SplittableRandom(1));
    assertThat(initScale(net, Initializer.normalFanIn())).isEmpty();
  }

  @Test
  void equalOrNonFiniteWeights_areReportedInSmallLayersToo() {
    Network constant = Network.create(new int[] {4, 3, 2}, Activation.sigmoid(), Initializer.constant(0.5),
        new SplittableRandom(1));
    assertThat(initScale(constant, Initializer.constant(0.5))).hasSize(2)
        .allSatisfy(f -> assertThat(f.message()).contains("σ = 0.000"));
    Network one = Network.create(new int[] {1, 1}, Activation.sigmoid(), Initializer.normalFanIn(), new SplittableRandom(1));
    one.setWeights(0, new double[] {Double.NaN});
    assertThat(initScale(one, Initializer.normalFanIn())).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("some weights are not finite"));
  }

  @Provide
  Arbitrary<int[]> smallLayers() {
    return Arbitraries.integers().between(1, 5).array(int[].class).ofMinSize(2).ofMaxSize(12);
  }

  @Property(tries = 200)
  void fanInInitOfLayersUnder32Weights_neverWarns(@ForAll("smallLayers") int[] sizes, @ForAll boolean uniform,
      @ForAll long seed) {
    Initializer init = uniform ? Initializer.uniformFanIn() : Initializer.normalFanIn();
    Network net = Network.create(sizes, Activation.sigmoid(), init, new SplittableRandom(seed));
    assertThat(initScale(net, init)).isEmpty();
  }

  @Property(tries = 200)
  void judged_exactlyForEnoughWeights_orWhatNoDrawGives(
      @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 100) int m, @ForAll("stds") double std) {
    boolean expected = !Double.isFinite(std) || m >= InitScaleRule.MIN_WEIGHTS || m >= 2 && std == 0;
    assertThat(InitScaleRule.judged(m, std)).isEqualTo(expected);
  }

  @Provide
  Arbitrary<Double> stds() {
    return Arbitraries.oneOf(Arbitraries.of(0.0, Double.NaN, Double.POSITIVE_INFINITY),
        Arbitraries.doubles().between(0, 10));
  }
}

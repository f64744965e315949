package org.nnlab.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.nnlab.config.DataConfig;
import org.nnlab.config.ExperimentConfig;
import org.nnlab.config.Distort;
import org.nnlab.config.InputRange;
import org.nnlab.config.NetworkConfig;
import org.nnlab.config.Targets;
import org.nnlab.config.TrainingConfig;
import org.nnlab.network.Backprop;
import org.nnlab.network.Initializer;
import org.nnlab.testsupport.RandomNetworks;
import org.nnlab.testsupport.TinyData;
import org.nnlab.testsupport.TinyExperiments;

/** Each config rule fires exactly when its condition, checked directly, is violated. */
class RuleProperties {
  private final RuleBook book = RuleBook.builtIn();

  @Property(tries = 300)
  void targetRange_firesExactlyWhenATargetLeavesTheOpenUnitInterval_orOffIsNotBelowOn(
      @ForAll @DoubleRange(min = -0.5, max = 1.5) double off, @ForAll @DoubleRange(min = -0.5, max = 1.5) double on) {
    ExperimentConfig c = withData(d -> new DataConfig(d.train(), d.test(), d.inputs(), new Targets(off, on), d.augment()));
    boolean direct = off > 0 && off < 1 && on > 0 && on < 1 && off < on;
    assertThat(fired(c, TargetRangeRule.ID)).isEqualTo(!direct);
  }

  @Property(tries = 300)
  void inputRange_firesExactlyWhenTheRangeLeavesOneHundredthToOne(
      @ForAll @DoubleRange(min = -0.5, max = 1.5) double min, @ForAll @DoubleRange(min = -0.5, max = 1.5) double max) {
    ExperimentConfig c = withData(d -> new DataConfig(d.train(), d.test(), new InputRange(min, max), d.targets(), d.augment()));
    boolean direct = min >= 0.01 && max <= 1.0 && min < max;
    assertThat(fired(c, InputRangeRule.ID)).isEqualTo(!direct);
  }

  @Property(tries = 100)
  void inputRange_ofDistortedTrainingSamples_neverFires_forAnyRangeTheConfigPhaseAccepts(
      @ForAll @DoubleRange(min = 0.01, max = 0.5) double min, @ForAll @DoubleRange(min = 0.51, max = 1.0) double max,
      @ForAll @DoubleRange(min = 0, max = 5) double shift, @ForAll @DoubleRange(min = 0, max = 180) double rotate,
      @ForAll @DoubleRange(min = 0, max = 20) double alpha, @ForAll boolean flip, @ForAll long seed) {
    Distort distort = Distort.NONE.withShift(shift).withRotate(rotate).withScale(0.3).withElastic(alpha, 1).withFlip(flip);
    ExperimentConfig c = withData(d -> new DataConfig(d.train(), d.test(), new InputRange(min, max), d.targets(),
        d.augment(), distort)).withSeed(seed).withNetwork(new NetworkConfig(List.of(9, 3, 2), null, null));
    org.nnlab.data.Dataset data = TinyData.of("d", 40, 3, 3, 2, (i, j) -> (i * 31 + j * 17) % 256);
    RuleContext ctx = RuleContext.ofConfig(c).withData(data, data).at(Phase.DATA);
    assertThat(book.check(ctx).stream().filter(f -> f.rule().equals(InputRangeRule.ID))).isEmpty();
  }

  @Property(tries = 300)
  void learningRate_isAnErrorAtOrBelowZero_aWarningAboveOne(@ForAll @DoubleRange(min = -2, max = 3) double lr) {
    ExperimentConfig c = TinyExperiments.config().withTraining(new TrainingConfig(lr, 1, true, Backprop.EXACT));
    List<Finding> f = book.check(RuleContext.ofConfig(c)).stream().filter(x -> x.rule().equals(LearningRateRule.ID)).toList();
    if (lr <= 0) {
      assertThat(f).singleElement().extracting(Finding::isError).isEqualTo(true);
    } else if (lr > 1) {
      assertThat(f).singleElement().extracting(Finding::isError).isEqualTo(false);
    } else {
      assertThat(f).isEmpty();
    }
  }

  @Property(tries = 100)
  void layerShape_firesExactlyWhenInputsOrClassesDisagreeWithTheData(
      @ForAll @IntRange(min = 1, max = 6) int inputs, @ForAll @IntRange(min = 1, max = 5) int outputs,
      @ForAll @IntRange(min = 1, max = 3) int side, @ForAll @IntRange(min = 2, max = 4) int classes) {
    ExperimentConfig c = TinyExperiments.config().withNetwork(new NetworkConfig(List.of(inputs, 3, outputs), null, null));
    org.nnlab.data.Dataset data = TinyData.of("d", 20, side, side, classes, (i, j) -> 100);
    RuleContext ctx = RuleContext.ofConfig(c).withData(data, data).at(Phase.DATA);
    boolean direct = inputs == side * side && outputs == classes;
    assertThat(book.check(ctx).stream().anyMatch(f -> f.rule().equals(LayerShapeRule.ID))).isEqualTo(!direct);
  }

  @Property(tries = 100)
  void initScale_firesExactlyWhenTheMeasuredStdIsFarFromOneOverRootN(
      @ForAll @DoubleRange(min = 0.01, max = 2.0) double sigma, @ForAll long seed) {
    int[] sizes = {64, 32, 8};
    var net = org.nnlab.network.Network.create(sizes, org.nnlab.network.Activation.sigmoid(),
        Initializer.normal(sigma), new java.util.SplittableRandom(seed));
    RuleContext ctx = RuleContext.ofConfig(TinyExperiments.config()).withNetwork(net).at(Phase.INIT);
    boolean direct = true;
    for (int k = 0; k < 2; k++) {
      double std = InitScaleRule.std(net.weights(k));
      double expected = 1 / Math.sqrt(sizes[k]);
      direct &= std >= expected / InitScaleRule.FACTOR && std <= expected * InitScaleRule.FACTOR;
    }
    assertThat(book.check(ctx).stream().anyMatch(f -> f.rule().equals(InitScaleRule.ID))).isEqualTo(!direct);
  }

  @Property(tries = 50)
  void offSeverity_silencesARule_andErrorPromotesAWarning(@ForAll long seed) {
    ExperimentConfig c = TinyExperiments.config();
    c = new ExperimentConfig(c.name(), c.seed(), c.data(), c.network(),
        new TrainingConfig(-1, 1, true, Backprop.EXACT), Map.of(LearningRateRule.ID, org.nnlab.config.Severity.OFF));
    assertThat(book.check(RuleContext.ofConfig(c))).isEmpty();
    var net = RandomNetworks.network(new int[] {4, 3, 2}, seed);
    net.setWeights(0, new double[12]);
    ExperimentConfig strict = new ExperimentConfig(c.name(), c.seed(), c.data(), c.network(), c.training(),
        Map.of(InitScaleRule.ID, org.nnlab.config.Severity.ERROR));
    assertThat(book.check(RuleContext.ofConfig(strict).withNetwork(net).at(Phase.INIT)))
        .anySatisfy(f -> assertThat(f.isError()).isTrue());
  }

  private ExperimentConfig withData(java.util.function.UnaryOperator<DataConfig> change) {
    ExperimentConfig c = TinyExperiments.config();
    return c.withData(change.apply(c.data()));
  }

  private boolean fired(ExperimentConfig c, String id) {
    return book.check(RuleContext.ofConfig(c)).stream().anyMatch(f -> f.rule().equals(id));
  }
}

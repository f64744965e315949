package org.nnlab.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.nnlab.rules.LearningRateRule;

/** The learning rate each schedule gives each epoch, and how configs declare schedules. */
class ScheduleProperties {
  private final ConfigLoader loader = new ConfigLoader(ConfigLoader.BUILT_IN_RULES);

  static Arbitrary<Schedule> schedules() {
    return Arbitraries.oneOf(
        Arbitraries.just(Schedule.CONSTANT),
        Combinators.combine(Arbitraries.integers().between(1, 20), Arbitraries.doubles().between(1e-3, 1).ofScale(4))
            .as(Schedule.Step::new),
        Arbitraries.doubles().between(1e-3, 1).ofScale(4).map(Schedule.Exponential::new),
        Arbitraries.doubles().between(0, 1e-4).ofScale(6).map(Schedule.Cosine::new),
        Combinators.combine(Arbitraries.doubles().between(0, 1e-4).ofScale(6), Arbitraries.integers().between(1, 20),
            Arbitraries.integers().between(1, 4)).as(Schedule.Cosine::new));
  }

  @Provide
  Arbitrary<Schedule> anySchedule() {
    return schedules();
  }

  @Property(tries = 300)
  void everySchedule_startsAtTheBaseRate_neverRisesWithinACycle_andStaysInsideMinAndBase(
      @ForAll("anySchedule") Schedule schedule,
      @ForAll @DoubleRange(min = 0.01, max = 3) double base,
      @ForAll @IntRange(min = 1, max = 200) int epochs) {
    assertThat(schedule.rate(base, 1, epochs)).isEqualTo(base);
    double min = schedule instanceof Schedule.Cosine c ? c.min() : 0;
    double previous = base;
    for (int e = 1; e <= epochs; e++) {
      double rate = schedule.rate(base, e, epochs);
      assertThat(rate).isBetween(min, base);
      if (rate > previous) {
        assertThat(rate).as("only a warm restart raises the rate, back to α₀ at epoch %d", e).isEqualTo(base);
      }
      previous = rate;
    }
  }

  @Property(tries = 200)
  void step_multipliesByItsFactor_afterEveryNEpochs(
      @ForAll @IntRange(min = 1, max = 10) int every,
      @ForAll @DoubleRange(min = 0.05, max = 1) double factor,
      @ForAll @IntRange(min = 0, max = 8) int steps) {
    Schedule s = new Schedule.Step(every, factor);
    double expected = 0.3 * Math.pow(factor, steps);
    assertThat(s.rate(0.3, steps * every + 1, 1000)).isEqualTo(expected);
    assertThat(s.rate(0.3, (steps + 1) * every, 1000)).isEqualTo(expected);
  }

  @Property(tries = 200)
  void exponential_multipliesByGamma_everyEpoch(
      @ForAll @DoubleRange(min = 0.5, max = 1) double gamma, @ForAll @IntRange(min = 1, max = 100) int epoch) {
    Schedule s = new Schedule.Exponential(gamma);
    assertThat(s.rate(0.2, epoch + 1, 200) / s.rate(0.2, epoch, 200)).isCloseTo(gamma, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Property(tries = 200)
  void cosineWithWarmRestarts_restartsAtα0_afterCyclesOfPeriodTimesGrowthToTheK(
      @ForAll @IntRange(min = 1, max = 10) int period, @ForAll @IntRange(min = 1, max = 3) int growth) {
    Schedule s = new Schedule.Cosine(0.001, period, growth);
    int start = 1;
    int length = period;
    for (int cycle = 0; cycle < 4; cycle++) {
      assertThat(s.rate(0.1, start, 10_000)).as("cycle %d starts at α₀", cycle).isEqualTo(0.1);
      double last = s.rate(0.1, start + length - 1, 10_000);
      assertThat(last).isEqualTo(0.001 + 0.5 * 0.099 * (1 + Math.cos(Math.PI * (length - 1) / length)));
      start += length;
      length *= growth;
    }
  }

  @Example
  void cosineOverTheRun_halfwayIsTheMidpoint_andTheLastEpochIsJustAboveMin() {
    Schedule s = new Schedule.Cosine(0.002);
    assertThat(s.rate(0.2, 51, 100)).isCloseTo(0.101, org.assertj.core.data.Offset.offset(1e-15));
    assertThat(s.rate(0.2, 100, 100)).isEqualTo(0.002 + 0.099 * (1 + Math.cos(Math.PI * 99 / 100)));
  }

  @Example
  void aCosineCycle_startsAtTheBaseRateExactly_evenWhereMinPlusTheRestRoundsOff() {
    // found by the property above: 9.8e-5 + (0.01 − 9.8e-5) is 0.010000000000000002
    assertThat(new Schedule.Cosine(9.8e-5).rate(0.01, 1, 61)).isEqualTo(0.01);
    assertThat(new Schedule.Cosine(9.8e-5, 5, 2).rate(0.01, 6, 61)).as("a warm restart").isEqualTo(0.01);
  }

  @Example
  void yamlForms_loadToTheRecords_andWriteBackToTheSameConfig() {
    String[] forms = {"constant", "{step: {every: 10, factor: 0.5}}", "{exponential: {gamma: 0.95}}",
        "{cosine: {min: 0.001}}", "{cosine: {min: 0.001, period: 10, growth: 2}}", "{cosine: {}}"};
    Schedule[] records = {Schedule.CONSTANT, new Schedule.Step(10, 0.5), new Schedule.Exponential(0.95),
        new Schedule.Cosine(0.001), new Schedule.Cosine(0.001, 10, 2), new Schedule.Cosine(0)};
    for (int i = 0; i < forms.length; i++) {
      ExperimentConfig c = loader.parse(base() + "training: {epochs: 30, schedule: " + forms[i] + "}\n", "s");
      assertThat(c.training().schedule()).as(forms[i]).isEqualTo(records[i]);
      assertThat(loader.parse(ConfigWriter.toYaml(c), "s")).isEqualTo(c);
    }
  }

  @Example
  void aConstantSchedule_leavesTheCanonicalTextAndHashAsBefore() {
    ExperimentConfig plain = loader.parse(base() + "training: {epochs: 3}\n", "s");
    ExperimentConfig constant = loader.parse(base() + "training: {epochs: 3, schedule: constant}\n", "s");
    assertThat(ConfigWriter.toYaml(constant)).isEqualTo(ConfigWriter.toYaml(plain)).doesNotContain("schedule");
  }

  @Example
  void badSchedules_areOneLine_namingTheKeyAndWhatIsAllowed() {
    assertThatThrownBy(() -> loader.parse(base() + "training: {schedule: cosin}\n", "s"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("training.schedule is not a known schedule; did you mean 'cosine'?");
    assertThatThrownBy(() -> loader.parse(base() + "training: {schedule: {step: {every: 0, factor: 0.5}}}\n", "s"))
        .hasMessageContaining("training.schedule.step.every must be ≥ 1, found 0");
    assertThatThrownBy(() -> loader.parse(base() + "training: {schedule: {exponential: {gamma: 1.5}}}\n", "s"))
        .hasMessageContaining("training.schedule.exponential.gamma must lie in (0, 1], found 1.5");
    assertThatThrownBy(() -> loader.parse(base() + "training: {schedule: {cosine: {min: 0.5}}}\n", "s"))
        .hasMessageContaining("training.schedule.cosine.min = 0.5 must not exceed training.learningRate = 0.1");
    assertThatThrownBy(() -> loader.parse(base() + "training: {schedule: {cosine: {growth: 2}}}\n", "s"))
        .hasMessageContaining("training.schedule.cosine.growth needs a period");
    assertThatThrownBy(() -> loader.parse(base() + "training: {schedule: {cosine: {period: 0}}}\n", "s"))
        .hasMessageContaining("training.schedule.cosine.period must be ≥ 1 epoch");
    assertThatThrownBy(() -> loader.parse(base() + "training: {schedule: {step: {every: 2}}}\n", "s"))
        .hasMessageContaining("training.schedule.step.factor is required but missing");
    assertThatThrownBy(() -> loader.parse(base() + "training: {schedule: {step: {every: 2, factor: 0.5}, cosine: {}}}\n", "s"))
        .hasMessageContaining("training.schedule must have exactly one key");
  }

  @Example
  void weightDecay_loadsWritesBackAndRefusesWhatWouldFlipTheWeights() {
    ExperimentConfig decayed = loader.parse(base() + "training: {epochs: 3, weightDecay: 1.0e-4}\n", "s");
    assertThat(decayed.training().weightDecay()).isEqualTo(1e-4);
    assertThat(loader.parse(ConfigWriter.toYaml(decayed), "s")).isEqualTo(decayed);
    ExperimentConfig zero = loader.parse(base() + "training: {epochs: 3, weightDecay: 0}\n", "s");
    assertThat(ConfigWriter.toYaml(zero)).isEqualTo(ConfigWriter.toYaml(loader.parse(base() + "training: {epochs: 3}\n", "s")))
        .doesNotContain("weightDecay");
    assertThatThrownBy(() -> loader.parse(base() + "training: {weightDecay: -0.1}\n", "s"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("s.yaml:3:25: training.weightDecay must be ≥ 0, found -0.1");
    assertThatThrownBy(() -> loader.parse(base() + "training: {learningRate: 0.5, weightDecay: 2}\n", "s"))
        .hasMessageContaining("training.weightDecay = 2.0 times epoch 1's learning rate 0.5 is 1.0; it must stay below 1");
    assertThatThrownBy(() -> loader.parse(base() + "training: {weightDecay: .inf}\n", "s"))
        .hasMessageContaining("training.weightDecay must be a finite number");
    assertThatThrownBy(() -> loader.parse(base() + "training: {weightdecay: 0.1}\n", "s"))
        .hasMessageContaining("did you mean 'weightDecay'?");
  }

  @Example
  void theLearningRateRule_checksEveryEpochsRate() {
    LearningRateRule rule = new LearningRateRule();
    ExperimentConfig fine = loader.parse(base() + "training: {epochs: 100, schedule: {cosine: {min: 0.0}}}\n", "s");
    assertThat(rule.check(org.nnlab.rules.RuleContext.ofConfig(fine))).isEmpty();
    ExperimentConfig vanishing = loader.parse(
        base() + "training: {epochs: 100, schedule: {exponential: {gamma: 0.8}}}\n", "s");
    assertThat(rule.check(org.nnlab.rules.RuleContext.ofConfig(vanishing))).singleElement()
        .satisfies(v -> assertThat(v.message()).startsWith(
            "epoch 53's learning rate (training.schedule exponential) = 9.13e-07 is below 1.0E-6"));
  }

  private static String base() {
    return "data: {train: mnist-sample:train, test: mnist-sample:test}\nnetwork: {layers: [784, 10, 10]}\n";
  }
}

package org.nnlab.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.nnlab.network.Backprop;
import org.nnlab.network.Initializer;
import org.nnlab.network.KernelChoice;
import org.nnlab.network.Precision;

/** A config built in code is the config its YAML is: builder → YAML → load gives an equal record and the same hash. */
class ExperimentConfigBuilderProperties {
  private final ConfigLoader loader = new ConfigLoader(ConfigLoader.BUILT_IN_RULES);

  @Property(tries = 200)
  void build_thenToYaml_thenLoad_isEqual_withTheSameHash(
      @ForAll @Size(min = 2, max = 4) List<@IntRange(min = 1, max = 8) Integer> layers,
      @ForAll long seed,
      @ForAll("learningRates") double learningRate,
      @ForAll @IntRange(min = 1, max = 50) int epochs,
      @ForAll boolean shuffle,
      @ForAll Backprop backprop,
      @ForAll @IntRange(min = 1, max = 16) int batchSize,
      @ForAll Precision precision,
      @ForAll KernelChoice kernels,
      @ForAll("initializers") Initializer init,
      @ForAll("rules") Map<String, Severity> rules,
      @ForAll("schedules") Schedule schedule,
      @ForAll("distortions") Distort distort,
      @ForAll @IntRange(min = 0, max = 60_000) int validation) {
    int[] sizes = layers.stream().mapToInt(Integer::intValue).toArray();
    sizes[0] = distort.isNone() ? sizes[0] : 4; // distortion needs square images
    ExperimentConfigBuilder b = ExperimentConfig.builder().name("built").seed(seed)
        .train("mnist-sample:train").test("mnist-sample:test")
        .layers(sizes).distort(distort).validation(validation)
        .learningRate(learningRate).epochs(epochs).shuffle(shuffle).backprop(backprop).batchSize(batchSize)
        .precision(precision).kernels(kernels).init(init)
        .schedule(schedule instanceof Schedule.Cosine c && c.min() > learningRate ? Schedule.CONSTANT : schedule);
    rules.forEach(b::rule);
    ExperimentConfig built = b.build();

    ExperimentConfig loaded = loader.parse(ConfigWriter.toYaml(built), "built");

    assertThat(loaded).isEqualTo(built);
    assertThat(ConfigWriter.sha256(loaded)).isEqualTo(ConfigWriter.sha256(built));
  }

  @Example
  void requiredKeysOnly_equalTheYamlWithOnlyThoseKeys_everyDefaultFilledIn() {
    ExperimentConfig built = ExperimentConfig.builder().name("quick")
        .train("mnist-sample:train").test("mnist-sample:test").layers(784, 100, 10).build();
    ExperimentConfig yaml = loader.parse("""
        data: {train: mnist-sample:train, test: mnist-sample:test}
        network: {layers: [784, 100, 10]}
        """, "quick");
    assertThat(built).isEqualTo(yaml);
    assertThat(ConfigWriter.sha256(built)).isEqualTo(ConfigWriter.sha256(yaml));
    assertThat(built.seed()).isEqualTo(42);
    assertThat(built.training()).isEqualTo(TrainingConfig.DEFAULT);
    assertThat(built.data().inputs()).isEqualTo(new InputRange(0.01, 1.0));
  }

  @Example
  void aMissingKey_orARefusedValue_isAConfigException_namingTheKey() {
    assertThatThrownBy(() -> ExperimentConfig.builder().name("x").train("mnist-sample:train").layers(4, 2).build())
        .isInstanceOf(ConfigException.class)
        .hasMessage("ExperimentConfig.builder(): data.test is required; set it before build()");
    assertThatThrownBy(() -> ExperimentConfig.builder().name("x").train("mnist-sample:train")
        .test("mnist-sample:test").layers(4, 0, 2).build())
        .isInstanceOf(ConfigException.class)
        .hasMessage("ExperimentConfig.builder(): network.layers[1] must be ≥ 1, found 0");
    assertThatThrownBy(() -> ExperimentConfig.builder().name("x").train("mnist-sample:train")
        .test("mnist-sample:test").layers(4, 2).epochs(0).build())
        .isInstanceOf(ConfigException.class).hasMessage("ExperimentConfig.builder(): training.epochs must be ≥ 1, found 0");
  }

  @Provide
  Arbitrary<Double> learningRates() {
    return Arbitraries.oneOf(Arbitraries.doubles().between(1e-4, 3).ofScale(4), Arbitraries.doubles().between(-1e9, 1e9));
  }

  @Provide
  Arbitrary<Schedule> schedules() {
    return ScheduleProperties.schedules();
  }

  @Provide
  Arbitrary<Initializer> initializers() {
    return Arbitraries.oneOf(
        Arbitraries.just(Initializer.normalFanIn()),
        Arbitraries.just(Initializer.uniformFanIn()),
        Arbitraries.doubles().between(1e-6, 10).ofScale(8).map(Initializer::normal),
        Arbitraries.doubles().between(-2, 2).map(Initializer::constant));
  }

  /** Half of them none; the others any mix of the five, elastic absent or present. */
  @Provide
  Arbitrary<Distort> distortions() {
    Arbitrary<Double> zeroOr = Arbitraries.doubles().between(0, 30).ofScale(3).injectDuplicates(0.3);
    Arbitrary<Distort.Elastic> elastic = Combinators.combine(
        Arbitraries.doubles().between(0, 50).ofScale(3), Arbitraries.doubles().between(0.001, 100).ofScale(3))
        .as(Distort.Elastic::new).injectNull(0.5);
    Arbitrary<Distort> some = Combinators.combine(zeroOr, Arbitraries.doubles().between(0, 180),
        Arbitraries.doubles().between(0, 0.999).ofScale(4), elastic, Arbitraries.of(true, false)).as(Distort::new);
    return Arbitraries.oneOf(Arbitraries.just(Distort.NONE), some);
  }

  @Provide
  Arbitrary<Map<String, Severity>> rules() {
    return Arbitraries.maps(Arbitraries.of(ConfigLoader.BUILT_IN_RULES), Arbitraries.of(Severity.class)).ofMaxSize(3);
  }
}

package org.nnlab.inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Inject;
import com.google.inject.multibindings.Multibinder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.NnlabException;
import org.nnlab.config.ConfigException;
import org.nnlab.config.ConfigLoader;
import org.nnlab.config.ExperimentConfig;
import org.nnlab.config.Severity;
import org.nnlab.data.DatasetLoader;
import org.nnlab.experiment.ExperimentRun;
import org.nnlab.output.OutputException;
import org.nnlab.rules.Finding;
import org.nnlab.rules.Rule;
import org.nnlab.rules.RuleException;
import org.nnlab.sweep.PointFindings;
import org.nnlab.sweep.ResultsStore;
import org.nnlab.sweep.SweepPlan;
import org.nnlab.sweep.SweepSpec;
import org.nnlab.sweep.TrialResult;
import org.nnlab.testsupport.TinyExperiments;

/** The entry point a host injects: configs in code or text, the host's rules everywhere, runs and sweeps. */
class NnlabTest {
  /** A class of the host's that asks for the loader. */
  static final class HostComponent {
    @Inject ConfigLoader loader;
  }

  private final AtomicInteger loads = new AtomicInteger();
  private final DatasetLoader counting = source -> {
    loads.incrementAndGet();
    return TinyExperiments.LOADER.load(source);
  };

  private Nnlab nnlab() {
    return Nnlab.create(b -> b.bind(DatasetLoader.class).toInstance(counting),
        b -> Multibinder.newSetBinder(b, Rule.class).addBinding().to(NnlabModuleTest.SmallHiddenLayers.class));
  }

  private static ExperimentConfig tiny() {
    return ExperimentConfig.builder().name("tiny").seed(7).train("tiny:train").test("tiny:test")
        .layers(4, 3, 2).learningRate(0.5).epochs(5).build();
  }

  @Test
  void builtConfig_runsLikeTheRecordConfig_withTheHostsRuleAsAFinding() {
    assertThat(tiny()).isEqualTo(TinyExperiments.config());
    ExperimentRun run = nnlab().run(tiny());
    assertThat(run.result().accuracy()).isEqualTo(1.0);
    assertThat(run.result().findings()).extracting(Finding::rule).contains("small-hidden-layers");
    double[] x = new double[4];
    TinyExperiments.TEST.scaledInputs(0, org.nnlab.data.InputScaling.of(tiny().data().inputs()), x);
    assertThat(Nnlab.model(run).label(x)).isEqualTo(TinyExperiments.TEST.label(0));
  }

  @Test
  void theInjectedConfigLoader_knowsTheHostsRules_fromTextAndFromInjection() {
    Nnlab nnlab = nnlab();
    ExperimentConfig c = nnlab.parse("""
        data: {train: tiny:train, test: tiny:test}
        network: {layers: [4, 3, 2]}
        rules: {small-hidden-layers: error}
        """, "host");
    assertThat(c.name()).isEqualTo("host");
    assertThat(c.rules()).containsEntry("small-hidden-layers", Severity.ERROR);
    assertThatThrownBy(() -> new ConfigLoader(ConfigLoader.BUILT_IN_RULES).parse("""
        data: {train: tiny:train, test: tiny:test}
        network: {layers: [4, 3, 2]}
        rules: {small-hidden-layers: error}
        """, "host")).isInstanceOf(ConfigException.class).hasMessageContaining("small-hidden-layers");

    HostComponent host = Guice.createInjector(new NnlabModule(), new AbstractModule() {
      @Override
      protected void configure() {
        Multibinder.newSetBinder(binder(), Rule.class).addBinding().to(NnlabModuleTest.SmallHiddenLayers.class);
      }
    }).getInstance(HostComponent.class);
    assertThat(host.loader.parse("data: {train: a:b, test: a:c}\nnetwork: {layers: [2, 2]}\n"
        + "rules: {small-hidden-layers: off}\n", "h").rules()).containsEntry("small-hidden-layers", Severity.OFF);
  }

  @Test
  void check_withOnlyConfigRulesInForce_readsNoData() {
    // the built-in rules that look at data or weights are off; learning-rate and the host's look at the config
    ExperimentConfig c = ExperimentConfig.builder().name("tiny").seed(7).train("tiny:train").test("tiny:test")
        .layers(4, 3, 2).learningRate(5).rule("input-range", Severity.OFF).rule("init-scale", Severity.OFF)
        .rule("symmetry", Severity.OFF).rule("layer-shape", Severity.OFF).rule("saturation", Severity.OFF).build();
    List<Finding> found = nnlab().check(c);
    assertThat(loads).hasValue(0);
    assertThat(found).extracting(Finding::rule).containsExactlyInAnyOrder("learning-rate", "small-hidden-layers");

    nnlab().check(tiny());
    assertThat(loads.get()).as("rules that look at data read it").isEqualTo(2);
  }

  @Test
  void badInput_isAlwaysAnNnlabException_oneLine() {
    assertThatThrownBy(() -> nnlab().parse("network: {layers: [4, 0]}\n", "bad"))
        .isInstanceOf(NnlabException.class).isInstanceOf(ConfigException.class);
    assertThatThrownBy(() -> Nnlab.build(() -> TinyExperiments.config().withName("../up")))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("the config is invalid: name ");
    ExperimentConfig unknownRule = ExperimentConfig.builder().name("tiny").train("tiny:train").test("tiny:test")
        .layers(4, 2).rule("no-such-rule", Severity.WARN).build();
    assertThatThrownBy(() -> nnlab().run(unknownRule)).isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("rules.no-such-rule is not a known rule");
  }

  @Test
  void sweepFromCode_inMemory_runsEveryPoint_andResumingIsExplicit() throws IOException {
    Nnlab nnlab = nnlab();
    SweepSpec spec = SweepSpec.grid(tiny().withName("tiny-sweep"))
        .values("training.learningRate", 0.1, 0.5, 0.9).values("network.layers[1]", 2, 3).parallelism(2);
    try (ResultsStore store = ResultsStore.inMemory()) {
      List<TrialResult> trials = nnlab.sweep(spec, store, false);
      assertThat(trials).hasSize(6);
      assertThat(store.results()).hasSize(6);
      assertThat(trials).extracting(t -> t.parameters().get("network.layers[1]").toString())
          .containsExactly("2", "3", "2", "3", "2", "3");

      assertThatThrownBy(() -> nnlab.sweep(spec, store, false)).isInstanceOf(OutputException.class)
          .hasMessage("this results store already holds 6 trial(s) of 'tiny-sweep': claim it with resume = true "
              + "to continue that sweep, or use a new store");
      assertThat(nnlab.sweep(spec, store, true)).isEqualTo(trials);
      SweepSpec other = spec.values("training.learningRate", 0.2);
      assertThatThrownBy(() -> nnlab.sweep(other, store, true)).isInstanceOf(OutputException.class)
          .hasMessageStartingWith("this results store holds the trials of another sweep ('tiny-sweep', 6 trial(s))");
    }
  }

  @Test
  void sweepFromCode_isTheSweepOfItsYaml_sameTrials_sameIdentity(@TempDir Path dir) throws IOException {
    Nnlab nnlab = nnlab();
    SweepSpec spec = SweepSpec.grid(tiny().withName("tiny-sweep")).values("training.learningRate", 0.1, 0.5).repeats(2);
    Path file = Files.writeString(dir.resolve("tiny-sweep.yaml"), spec.toYaml());
    SweepPlan fromCode = nnlab.plan(spec);
    SweepPlan fromFile = nnlab.plan(file);
    assertThat(fromCode.trials()).isEqualTo(fromFile.trials()).hasSize(4);
    assertThat(org.nnlab.sweep.SweepIdentity.of(fromCode)).isEqualTo(org.nnlab.sweep.SweepIdentity.of(fromFile));

    Path folder = dir.resolve("out");
    try (ResultsStore store = ResultsStore.open(folder.resolve(ResultsStore.FILE))) {
      assertThat(nnlab.sweep(fromCode, store, false)).hasSize(4);
    }
    try (ResultsStore again = ResultsStore.open(folder.resolve(ResultsStore.FILE))) {
      SweepPlan other = nnlab.plan(spec.values("training.learningRate", 0.3));
      assertThatThrownBy(() -> nnlab.sweep(other, again, true)).isInstanceOf(OutputException.class)
          .hasMessageContaining("holds the trials of another sweep");
      assertThat(nnlab.sweep(fromFile, again, true)).hasSize(4);
    }
  }

  @Test
  void checkSweep_givesEveryPointsFindings_andSweepRefusesAnErrorWithThemBeforeTraining() throws IOException {
    Nnlab nnlab = nnlab();
    SweepSpec spec = SweepSpec.grid(tiny().withName("tiny-sweep"))
        .values("training.learningRate", 0.5, -1.0).values("network.layers[1]", 2, 3);
    List<PointFindings> points = nnlab.checkSweep(spec);
    assertThat(points).extracting(p -> p.point().label()).containsExactly(
        "training.learningRate=0.5, network.layers[1]=2", "training.learningRate=0.5, network.layers[1]=3",
        "training.learningRate=-1.0, network.layers[1]=2", "training.learningRate=-1.0, network.layers[1]=3");
    assertThat(points).extracting(p -> p.findings().stream().map(f -> f.rule() + " [" + f.severity().id() + "]").toList())
        .containsExactly(
            List.of(),
            List.of("small-hidden-layers [warn]"),
            List.of("learning-rate [error]"),
            List.of("learning-rate [error]", "small-hidden-layers [warn]"));
    assertThat(points).extracting(PointFindings::hasErrors).containsExactly(false, false, true, true);

    try (ResultsStore store = ResultsStore.inMemory()) {
      assertThatThrownBy(() -> nnlab.sweep(spec, store, false)).isInstanceOfSatisfying(RuleException.class, e -> {
        assertThat(e).isInstanceOf(NnlabException.class)
            .hasMessageStartingWith("the sweep is invalid, 2 offending point(s):\n  ");
        assertThat(e.findings()).containsOnlyKeys(
            "{training.learningRate=-1.0, network.layers[1]=2}", "{training.learningRate=-1.0, network.layers[1]=3}");
        assertThat(e.findings().values()).allSatisfy(f -> assertThat(f).singleElement()
            .extracting(Finding::rule).isEqualTo("learning-rate"));
      });
      assertThat(store.results()).isEmpty();
    }
    assertThat(loads).as("the rules that looked need no data").hasValue(0);
  }
}

package org.nnlab.inject;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.util.Modules;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.config.ConfigLoader;
import org.nnlab.config.Severity;
import org.nnlab.data.DatasetLoader;
import org.nnlab.experiment.ExperimentResult;
import org.nnlab.experiment.ExperimentRunner;
import org.nnlab.experiment.NetworkFactory;
import org.nnlab.metrics.MetricsOptions;
import org.nnlab.network.Initializer;
import org.nnlab.network.Network;
import org.nnlab.rules.AbstractRule;
import org.nnlab.rules.Finding;
import org.nnlab.rules.Phase;
import org.nnlab.rules.Rule;
import org.nnlab.rules.RuleBook;
import org.nnlab.rules.RuleContext;
import org.nnlab.rules.Violation;
import org.nnlab.sweep.ResultsStore;
import org.nnlab.sweep.SweepListener;
import org.nnlab.sweep.SweepPlan;
import org.nnlab.sweep.SweepRunner;
import org.nnlab.sweep.TrialResult;
import org.nnlab.testsupport.TinyExperiments;
import org.nnlab.training.TrainingListener;

/** How a host program embeds nnlab: its own injector, nnlab's module, its own bindings. */
class NnlabModuleTest {

  /** A host's rule: no more than 2 nodes in a hidden layer. */
  static final class SmallHiddenLayers extends AbstractRule {
    SmallHiddenLayers() {
      super("small-hidden-layers", Severity.WARN, EnumSet.of(Phase.CONFIG), "hidden layers have at most 2 nodes");
    }

    @Override
    public List<Violation> check(RuleContext c) {
      List<Integer> l = c.config().network().layers();
      return l.subList(1, l.size() - 1).stream().anyMatch(n -> n > 2)
          ? List.of(Violation.of("a hidden layer has more than 2 nodes")) : List.of();
    }
  }

  @Test
  void defaultModule_buildsTheRunnerWithTheBuiltInRules() {
    Injector injector = Guice.createInjector(new NnlabModule());
    assertThat(injector.getInstance(RuleBook.class).ids()).containsExactlyInAnyOrder(
        "input-range", "target-range", "init-scale", "symmetry", "learning-rate", "layer-shape",
        "saturation", "divergence", "gradient");
    assertThat(injector.getInstance(ExperimentRunner.class)).isNotNull();
    assertThat(injector.getInstance(MeterRegistry.class)).isSameAs(injector.getInstance(MeterRegistry.class));
  }

  private final SimpleMeterRegistry hostRegistry = new SimpleMeterRegistry();
  private final AtomicInteger networksBuilt = new AtomicInteger();

  /** A host's injector: nnlab's module with the host's registry, loader and network factory, plus a rule. */
  private Injector hostInjector() {
    return Guice.createInjector(
        Modules.override(new NnlabModule()).with(new AbstractModule() {
          @Override
          protected void configure() {
            bind(MeterRegistry.class).toInstance(hostRegistry);
            bind(MetricsOptions.class).toInstance(MetricsOptions.KEEP);
            bind(DatasetLoader.class).toInstance(TinyExperiments.LOADER);
            bind(NetworkFactory.class).toInstance((config, rng) -> {
              networksBuilt.incrementAndGet();
              return Network.create(config.sizes(), config.activation(), Initializer.uniformFanIn(), rng);
            });
          }
        }),
        new AbstractModule() {
          @Override
          protected void configure() {
            Multibinder.newSetBinder(binder(), Rule.class).addBinding().to(SmallHiddenLayers.class);
          }
        });
  }

  @Test
  void host_overridesRegistryLoaderAndFactory_andAddsARule() {
    Injector injector = hostInjector();

    ExperimentResult r = injector.getInstance(ExperimentRunner.class)
        .run(TinyExperiments.config(), TrainingListener.NONE).result();

    assertThat(networksBuilt.get()).isEqualTo(1);
    assertThat(r.findings()).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo("small-hidden-layers");
      assertThat(f.severity()).isEqualTo(Severity.WARN);
    });
    assertThat(hostRegistry.get("nnlab.train.samples").tag("experiment", "tiny").counter().count()).isEqualTo(1_000);
    assertThat(hostRegistry.get("nnlab.rule.findings").tag("rule", "small-hidden-layers").counter().count()).isEqualTo(1);
  }

  /** The sweep's per-trial runners come from the injector: every trial sees the host's bindings. */
  @Test
  void sweepRunner_fromTheHostsInjector_trainsEveryTrialWithTheHostsBindings(@TempDir Path dir) throws IOException {
    Path yaml = Files.writeString(dir.resolve("sweep.yaml"), """
        name: tiny
        seed: 7
        data: {train: tiny:train, test: tiny:test}
        network: {layers: [4, 3, 2]}
        training: {learningRate: 0.5, epochs: 2}
        sweep:
          parameters:
            training.learningRate: [0.1, 0.5]
        """);
    SweepPlan plan = SweepPlan.of(new ConfigLoader(ConfigLoader.BUILT_IN_RULES).document(yaml));

    List<TrialResult> trials;
    try (ResultsStore store = ResultsStore.open(dir.resolve(ResultsStore.FILE))) {
      trials = hostInjector().getInstance(SweepRunner.class).run(plan, store, 2, SweepListener.NONE);
    }

    assertThat(networksBuilt.get()).isEqualTo(2);
    assertThat(trials).hasSize(2).allSatisfy(t -> {
      assertThat(t.result().findings()).extracting(Finding::rule).containsExactly("small-hidden-layers");
      assertThat(hostRegistry.get("nnlab.train.samples").tag("trial", t.trial()).counter().count()).isEqualTo(400);
    });
  }
}

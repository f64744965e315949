package org.nnlab.inject;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.util.Modules;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.config.Severity;
import org.nnlab.data.DatasetLoader;
import org.nnlab.experiment.ExperimentResult;
import org.nnlab.experiment.ExperimentRunner;
import org.nnlab.experiment.NetworkFactory;
import org.nnlab.network.Initializer;
import org.nnlab.network.Network;
import org.nnlab.rules.AbstractRule;
import org.nnlab.rules.Phase;
import org.nnlab.rules.Rule;
import org.nnlab.rules.RuleBook;
import org.nnlab.rules.RuleContext;
import org.nnlab.rules.Violation;
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

  @Test
  void host_overridesRegistryLoaderAndFactory_andAddsARule() {
    SimpleMeterRegistry hostRegistry = new SimpleMeterRegistry();
    int[] networksBuilt = {0};
    Injector injector = Guice.createInjector(
        Modules.override(new NnlabModule()).with(new AbstractModule() {
          @Override
          protected void configure() {
            bind(MeterRegistry.class).toInstance(hostRegistry);
            bind(DatasetLoader.class).toInstance(TinyExperiments.LOADER);
            bind(NetworkFactory.class).toInstance((config, rng) -> {
              networksBuilt[0]++;
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

    ExperimentResult r = injector.getInstance(ExperimentRunner.class)
        .run(TinyExperiments.config(), TrainingListener.NONE).result();

    assertThat(networksBuilt[0]).isEqualTo(1);
    assertThat(r.findings()).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo("small-hidden-layers");
      assertThat(f.severity()).isEqualTo(Severity.WARN);
    });
    assertThat(hostRegistry.get("nnlab.train.samples").tag("experiment", "tiny").counter().count()).isEqualTo(1_000);
    assertThat(hostRegistry.get("nnlab.rule.findings").tag("rule", "small-hidden-layers").counter().count()).isEqualTo(1);
  }
}

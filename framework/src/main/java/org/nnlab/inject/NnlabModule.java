package org.nnlab.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.nnlab.config.ConfigLoader;
import org.nnlab.data.DatasetLoader;
import org.nnlab.data.DefaultDatasetLoader;
import org.nnlab.experiment.NetworkFactory;
import org.nnlab.metrics.MetricsOptions;
import org.nnlab.model.StartingNetworks;
import org.nnlab.rules.BuiltInRules;
import org.nnlab.rules.Rule;
import org.nnlab.rules.RuleBook;
import org.nnlab.training.Trainer;

/**
 * Everything nnlab needs to run experiments: the built-in rules (a {@code Multibinder<Rule>} that a
 * host adds to), the dataset loader, the network factory, the trainer, a {@link MeterRegistry} and
 * {@link MetricsOptions} (a run's meters leave the registry when it ends).
 * Does no I/O.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(
 *     Modules.override(new NnlabModule()).with(b -> b.bind(MeterRegistry.class).toInstance(mine)));
 * ExperimentRunner runner = injector.getInstance(ExperimentRunner.class);
 * }</pre>
 *
 * <p>Override any binding with {@code Modules.override}; add rules with
 * {@code Multibinder.newSetBinder(binder(), Rule.class).addBinding().to(MyRule.class)}.
 */
public final class NnlabModule extends AbstractModule {

  @Override
  protected void configure() {
    Multibinder<Rule> rules = Multibinder.newSetBinder(binder(), Rule.class);
    for (Rule r : BuiltInRules.all()) {
      rules.addBinding().toInstance(r);
    }
    bind(Trainer.class).in(Singleton.class);
  }

  @Provides
  @Singleton
  MeterRegistry meterRegistry() {
    return new SimpleMeterRegistry();
  }

  @Provides
  @Singleton
  ConfigLoader configLoader(RuleBook rules) {
    // every rule bound through the Multibinder, the host's too, may be named under rules:
    return new ConfigLoader(rules.ids());
  }

  @Provides
  @Singleton
  MetricsOptions metricsOptions() {
    // a long-lived host must not collect one set of meters per run; it binds KEEP to scrape afterwards
    return MetricsOptions.REMOVE_AFTER_RUN;
  }

  @Provides
  @Singleton
  DatasetLoader datasetLoader() {
    return new DefaultDatasetLoader();
  }

  @Provides
  @Singleton
  NetworkFactory networkFactory() {
    // draws by network.init, or loads network.weights when the config names a folder
    return new StartingNetworks();
  }
}

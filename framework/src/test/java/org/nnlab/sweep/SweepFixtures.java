package org.nnlab.sweep;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nnlab.config.ConfigLoader;
import org.nnlab.data.Dataset;
import org.nnlab.data.DatasetLoader;
import org.nnlab.experiment.ExperimentRunner;
import org.nnlab.experiment.NetworkFactory;
import org.nnlab.metrics.MetricsOptions;
import org.nnlab.rules.RuleBook;
import org.nnlab.testsupport.TinyData;
import org.nnlab.training.Trainer;

/** Sweep plans from YAML text over a tiny 2×2-pixel, 3-class dataset, and a runner for them. */
final class SweepFixtures {
  static final String BASE = """
      name: tiny
      seed: 7
      data: {train: tiny:train, test: tiny:test}
      network: {layers: [4, 3, 3]}
      training: {learningRate: 0.3, epochs: 1}
      """;

  /** 60 training and 30 test samples whose pixels depend on the label, so there is something to learn. */
  static final Dataset TRAIN = TinyData.of("tiny:train", 60, 2, 2, 3, (i, j) -> (i % 3 == j % 3 ? 220 : 30) + i);
  static final Dataset TEST = TinyData.of("tiny:test", 30, 2, 2, 3, (i, j) -> (i % 3 == j % 3 ? 210 : 40) + i);

  private SweepFixtures() {}

  /** A loader that hands out the tiny parts and counts how often it is asked. */
  static final class CountingLoader implements DatasetLoader {
    final java.util.concurrent.atomic.AtomicInteger loads = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public Dataset load(org.nnlab.config.DataSource source) {
      loads.incrementAndGet();
      return source.toString().endsWith("train") ? TRAIN : TEST;
    }
  }

  static SweepPlan plan(String sweepYaml) {
    try {
      Path dir = Files.createTempDirectory("sweep");
      Path file = dir.resolve("sweep.yaml");
      Files.writeString(file, BASE + sweepYaml);
      return SweepPlan.of(new ConfigLoader(ConfigLoader.BUILT_IN_RULES).document(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SweepRunner runner(DatasetLoader loader) {
    return new SweepRunner(loader, runners(new SimpleMeterRegistry()));
  }

  /** Runners with the built-in rules, meters kept in {@code registry} after each trial. */
  static ExperimentRunner.Factory runners(MeterRegistry registry) {
    return new ExperimentRunner.Factory(
        RuleBook.builtIn(), NetworkFactory.fromConfig(), new Trainer(), registry, MetricsOptions.KEEP);
  }
}

package org.nnlab.cluster;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nnlab.cluster.testsupport.LoopbackClusters;
import org.nnlab.config.ConfigLoader;
import org.nnlab.experiment.ExperimentRunner;
import org.nnlab.experiment.NetworkFactory;
import org.nnlab.rules.RuleBook;
import org.nnlab.sweep.SweepPlan;
import org.nnlab.sweep.SweepRunner;
import org.nnlab.training.Trainer;

/**
 * This module's test clusters ({@link LoopbackClusters}) and tiny sweeps on the bundled digits
 * (784-4-10, one epoch: a fraction of a second a trial).
 */
final class ClusterFixtures {
  private ClusterFixtures() {}

  /** The sweep runner of a coordinator, or of the local run a cluster's results are compared with. */
  static SweepRunner sweeps() {
    return new SweepRunner(LoopbackClusters.LOADER, new ExperimentRunner.Factory(RuleBook.builtIn(),
        NetworkFactory.fromConfig(), new Trainer(), new SimpleMeterRegistry()));
  }

  /** A grid sweep over {@code rates} with {@code repeats} seeds each, on the bundled digits. */
  static SweepPlan plan(Path dir, String rates, int repeats) {
    return plan(dir, "sweep:\n  parameters:\n    training.learningRate: " + rates + "\n  repeats: " + repeats + "\n");
  }

  /** A sweep of the tiny base config with the given {@code sweep:} block. */
  static SweepPlan plan(Path dir, String sweepYaml) {
    try {
      Path file = dir.resolve("tiny-sweep.yaml");
      Files.writeString(file, "name: tiny-sweep\nseed: 42\n"
          + "data: {train: 'mnist-sample:train', test: 'mnist-sample:test'}\n"
          + "network: {layers: [784, 4, 10]}\ntraining: {learningRate: 0.1, epochs: 1}\n" + sweepYaml);
      return SweepPlan.of(new ConfigLoader(ConfigLoader.BUILT_IN_RULES).document(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

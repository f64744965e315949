package org.nnlab.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.nnlab.config.ConfigLoader;
import org.nnlab.data.DatasetLoader;
import org.nnlab.data.DefaultDatasetLoader;
import org.nnlab.sweep.CachingDatasetLoader;
import org.nnlab.experiment.ExperimentRunner;
import org.nnlab.experiment.NetworkFactory;
import org.nnlab.rules.RuleBook;
import org.nnlab.sweep.SweepPlan;
import org.nnlab.sweep.SweepRunner;
import org.nnlab.training.Trainer;

/**
 * Loopback clusters for tests: free ports from a probe, a cluster name of their own, no wait
 * before joining, quiet logs; and tiny sweeps on the bundled digits (784-4-10, one epoch: a
 * fraction of a second a trial).
 */
final class ClusterFixtures {
  static {
    ClusterLogging.show(false);
  }

  private ClusterFixtures() {}

  /** A port nothing listens on at the moment of asking. */
  static int freePort() {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A cluster name no other test uses, so parallel or leftover members never meet. */
  static String uniqueName() {
    return "nnlab-test-" + UUID.randomUUID();
  }

  /** A loopback member of {@code cluster} on a free port, joining {@code join}, without the 5 s join wait. */
  static WorkerOptions options(String cluster, List<String> join, int threads) {
    return WorkerOptions.defaults().withPort(freePort()).withClusterName(cluster).withJoin(join).withThreads(threads)
        .withProperty("hazelcast.wait.seconds.before.join", "0");
  }

  /**
   * The real data loader, its datasets read once per test JVM: the embedded members and the
   * coordinator would otherwise each read the bundled digits again.
   */
  static final DatasetLoader LOADER = new CachingDatasetLoader(new DefaultDatasetLoader());

  /** Workers with the real data loader, the built-in rules and the default trainer. */
  static ClusterWorker.Factory workers() {
    return new ClusterWorker.Factory(LOADER, RuleBook.builtIn(), NetworkFactory.fromConfig(), new Trainer());
  }

  /** The sweep runner of a coordinator, or of the local run a cluster's results are compared with. */
  static SweepRunner sweeps() {
    return new SweepRunner(LOADER, new ExperimentRunner.Factory(RuleBook.builtIn(),
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

package org.nnlab.cluster.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.UUID;
import org.nnlab.cluster.ClusterLogging;
import org.nnlab.cluster.ClusterWorker;
import org.nnlab.cluster.WorkerOptions;
import org.nnlab.data.DatasetLoader;
import org.nnlab.data.DefaultDatasetLoader;
import org.nnlab.experiment.NetworkFactory;
import org.nnlab.rules.RuleBook;
import org.nnlab.sweep.CachingDatasetLoader;
import org.nnlab.training.Trainer;

/**
 * Loopback clusters for tests (this module's and the command line's): free ports from a probe, a
 * cluster name per test so that leftover members never meet, no wait before joining, Hazelcast's
 * logs at warnings, and members that read their data once per test JVM.
 */
public final class LoopbackClusters {
  static {
    ClusterLogging.show(false);
  }

  /**
   * The real data loader, its datasets read once per test JVM: the embedded members and a
   * coordinator would otherwise each read the bundled digits again.
   */
  public static final DatasetLoader LOADER = new CachingDatasetLoader(new DefaultDatasetLoader());

  private LoopbackClusters() {}

  /** A port nothing listens on at the moment of asking. */
  public static int freePort() {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A cluster name no other test uses. */
  public static String uniqueName() {
    return "nnlab-test-" + UUID.randomUUID();
  }

  /** A loopback member of {@code cluster} on a free port, joining {@code join}, without the 5 s join wait. */
  public static WorkerOptions options(String cluster, List<String> join, int threads) {
    return WorkerOptions.defaults().withPort(freePort()).withClusterName(cluster).withJoin(join).withThreads(threads)
        .withProperty("hazelcast.wait.seconds.before.join", "0");
  }

  /** Workers with {@link #LOADER}, the built-in rules and the default trainer. */
  public static ClusterWorker.Factory workers() {
    return new ClusterWorker.Factory(LOADER, RuleBook.builtIn(), NetworkFactory.fromConfig(), new Trainer());
  }
}

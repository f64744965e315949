package org.nnlab.cli;

import com.google.inject.Inject;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.nnlab.cluster.ClusterAddresses;
import org.nnlab.cluster.ClusterLogging;
import org.nnlab.cluster.ClusterWorker;
import org.nnlab.cluster.WorkerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nnlab worker}: a cluster member that trains the trials coordinators send ({@code nnlab
 * sweep --cluster}), until Ctrl-C or SIGTERM, when it leaves the cluster gracefully and exits 0.
 */
@Command(name = "worker", description = "Be a cluster member that trains sweep trials (docs/cluster.md); Ctrl-C leaves.")
final class WorkerCommand implements Callable<Integer> {
  @Option(names = "--port", paramLabel = "P", description = "port to listen on (default: 5701, or the next free one)")
  Integer port;

  @Option(names = "--join", paramLabel = "HOST:PORT,…", description = "members to join (default: found a new cluster)")
  String join;

  @Option(names = "--cluster-name", paramLabel = "NAME", description = "only members and sweeps with this name meet (default: nnlab)")
  String clusterName = WorkerOptions.DEFAULT_NAME;

  @Option(names = "--threads", paramLabel = "N", description = "trials trained at once (default: the cores)")
  Integer threads;

  @Option(names = "--bind", paramLabel = "ADDR", description = "this machine's address to listen on "
      + "(default: 127.0.0.1, reachable from this machine only)")
  String bind = WorkerOptions.DEFAULT_BIND;

  @Spec CommandSpec spec;

  private final ClusterWorker.Factory workers;

  @Inject
  WorkerCommand(ClusterWorker.Factory workers) {
    this.workers = workers;
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    WorkerOptions options = options();
    ClusterLogging.show(Main.verbose(spec));
    ClusterLog log = new ClusterLog(out, true);
    ClusterWorker worker;
    try {
      worker = workers.start(options, log);
    } catch (IllegalStateException e) {
      throw new UserInputException(e.getMessage());
    }
    String address = worker.address();
    Thread leave = new Thread(() -> {
      log.line("worker %s: leaving the cluster (its trials go to the other members)…", address);
      worker.close();
      log.line("worker %s: left", address);
      // leaving cleanly on Ctrl-C or SIGTERM is this command's success: exit 0, not 130 or 143
      Runtime.getRuntime().halt(Main.OK);
    }, "nnlab-worker-leave");
    Runtime.getRuntime().addShutdownHook(leave);
    log.line("worker %s in cluster '%s': %d member%s, %d trial thread%s; Ctrl-C leaves", address,
        options.clusterName(), worker.members(), worker.members() == 1 ? "" : "s", options.threads(),
        options.threads() == 1 ? "" : "s");
    worker.awaitStop();
    // here only when Hazelcast stopped the member by itself: the hook above halts before main goes on
    try {
      Runtime.getRuntime().removeShutdownHook(leave);
    } catch (IllegalStateException shuttingDown) {
      return Main.OK;
    }
    spec.commandLine().getErr().println("nnlab: worker " + address + " stopped on its own; see the lines above");
    return Main.RULE_ERROR;
  }

  /** The options as given, or one line and exit 2. */
  private WorkerOptions options() {
    try {
      WorkerOptions options = WorkerOptions.defaults().withBind(bind).withClusterName(clusterName);
      if (port != null) {
        options = options.withPort(port);
      }
      if (join != null) {
        options = options.withJoin(ClusterAddresses.parse("--join", join));
      }
      if (threads != null) {
        options = options.withThreads(threads);
      }
      return options;
    } catch (IllegalArgumentException e) {
      throw new UserInputException("worker: " + e.getMessage());
    }
  }
}

package org.nnlab.cli;

import com.google.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.nnlab.cluster.ClusterAddresses;
import org.nnlab.cluster.ClusterException;
import org.nnlab.cluster.ClusterLogging;
import org.nnlab.cluster.ClusterTrialExecutor;
import org.nnlab.data.DatasetLoader;
import org.nnlab.sweep.ResultsStore;
import org.nnlab.sweep.SweepListener;
import org.nnlab.sweep.SweepPlan;
import org.nnlab.sweep.SweepRunner;
import org.nnlab.sweep.TrialResult;

/**
 * {@code nnlab sweep --cluster}: the sweep's trials on the workers of a Hazelcast cluster, this
 * process their coordinator — a line per member joining or leaving while it runs, the trials each
 * member trained when it ends. A cluster's refusal or loss is one line and exit 2.
 */
final class ClusterSweep {
  private final SweepRunner runner;
  private final DatasetLoader loader;

  @Inject
  ClusterSweep(SweepRunner runner, DatasetLoader loader) {
    this.runner = runner;
    this.loader = loader;
  }

  /** What ran, and where, for the sweep's closing line. */
  record Outcome(List<TrialResult> results, String where) {}

  Outcome run(String addresses, String clusterName, boolean verbose, SweepPlan plan, ResultsStore store,
      SweepListener progress, PrintWriter out) throws IOException {
    List<String> members;
    try {
      members = ClusterAddresses.parse("--cluster", addresses);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
    ClusterLogging.show(verbose);
    ClusterLog log = new ClusterLog(out, false);
    try (ClusterTrialExecutor trials = ClusterTrialExecutor.connect(members, clusterName, loader, log)) {
      log.line("cluster '%s': %s, %d trial threads", clusterName, count(trials.members().size()), trials.threads());
      List<TrialResult> results = runner.run(plan, store, trials, progress);
      if (!trials.trialsPerMember().isEmpty()) {
        log.line("trials per member: %s", trials.trialsPerMember().entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
      }
      return new Outcome(results, String.format(Locale.ROOT, "on cluster '%s' (%s)", clusterName,
          count(trials.members().size())));
    } catch (ClusterException e) {
      throw new UserInputException(e.getMessage());
    }
  }

  private static String count(int members) {
    return members + (members == 1 ? " member" : " members");
  }
}

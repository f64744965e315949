package org.nnlab.cli;

import com.google.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import io.micrometer.core.instrument.MeterRegistry;
import org.nnlab.cluster.WorkerOptions;
import org.nnlab.config.ConfigDocument;
import org.nnlab.config.SweepConfig;
import org.nnlab.report.ReportWriter;
import org.nnlab.rules.RuleBook;
import org.nnlab.sweep.Ranking;
import org.nnlab.sweep.ResultsStore;
import org.nnlab.sweep.SweepIdentity;
import org.nnlab.sweep.SweepListener;
import org.nnlab.sweep.SweepPlan;
import org.nnlab.sweep.SweepRunner;
import org.nnlab.sweep.TrialResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nnlab sweep CONFIG}: checks every point, runs the trials in parallel appending each to
 * {@code results.jsonl}, and writes the sweep's report. The folder is held for the whole sweep and
 * records the sweep it belongs to ({@link SweepIdentity}): {@code --resume} continues only that
 * sweep. Exit 1 when any trial failed or diverged.
 */
@Command(name = "sweep", description = "Run every trial of a sweep in parallel (resumable) and write its report.")
final class SweepCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--out", paramLabel = "DIR", description = "report folder (default: runs/<name>)")
  Path out;

  @Option(names = "--resume", description = "run only the trials results.jsonl in the report folder lacks "
      + "(the same config and --set values only)")
  boolean resume;

  @Option(names = "--parallel", paramLabel = "N", description = "trials at once (default: sweep.parallelism, else the cores)")
  Integer parallel;

  @Option(names = "--cluster", paramLabel = "HOST:PORT,…",
      description = "train the trials on the members of this Hazelcast cluster (nnlab worker; docs/cluster.md)")
  String cluster;

  @Option(names = "--cluster-name", paramLabel = "NAME", description = "with --cluster: the cluster's name (default: nnlab)")
  String clusterName = WorkerOptions.DEFAULT_NAME;

  @Mixin ServeOptions serve;

  @Spec CommandSpec spec;

  private final SweepRunner runner;
  private final RuleBook rules;
  private final ReportWriter reports;
  private final ClusterSweep clusterSweep;
  private final MeterRegistry meters;

  @Inject
  SweepCommand(SweepRunner runner, RuleBook rules, ReportWriter reports, ClusterSweep clusterSweep,
      MeterRegistry meters) {
    this.runner = runner;
    this.rules = rules;
    this.reports = reports;
    this.clusterSweep = clusterSweep;
    this.meters = meters;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    if (parallel != null && (parallel < 1 || parallel > SweepConfig.MAX_PARALLELISM)) {
      throw new UserInputException("--parallel must lie in 1.." + SweepConfig.MAX_PARALLELISM + ", found " + parallel);
    }
    ConfigDocument doc = options.document(rules.ids());
    if (!doc.hasSweep()) {
      throw new UserInputException(options.config + " declares no sweep: run it with 'nnlab run "
          + options.config + "'");
    }
    SweepPlan plan = SweepPlan.of(doc);
    plan.validate(rules);
    if (cluster != null && parallel != null) {
      throw new UserInputException("--parallel does not apply with --cluster: each worker's --threads sets how many "
          + "trials it trains at once");
    }
    int threads = parallel != null ? parallel
        : plan.sweep().parallelism().orElse(SweepRunner.defaultParallelism());
    serve.check();
    Path dir = ReportFolder.check(out != null ? out : ReportFolder.defaultFor(plan.base().name()));
    PrintWriter stderr = spec.commandLine().getErr();
    long start = System.nanoTime();
    List<TrialResult> results;
    String where = "on " + threads + " thread(s)";
    LiveView live = LiveView.NONE;
    try {
      try (ReportFolder folder = ReportFolder.open(dir, stderr)) {
        SweepIdentity.of(plan).claim(dir, resume);
        RunCommand.printEngine(plan.base().name(), plan.base().network().engine(), stdout, stderr);
        live = serve.enabled() ? LiveServe.sweep(plan.base().name(), dir, serve, meters, stdout) : LiveView.NONE;
        try (ResultsStore store = ResultsStore.open(dir.resolve(ResultsStore.FILE));
            SweepProgress progress = SweepProgress.start(plan.base().name(), Ranking.of(plan.sweep().choose()), stdout)) {
          store.notes().forEach(n -> stderr.println("note: " + n));
          live.resumed(store.results());
          SweepListener listener = SweepProgress.both(progress, live);
          if (cluster == null) {
            results = runner.run(plan, store, threads, listener);
          } else {
            ClusterSweep.Outcome outcome =
                clusterSweep.run(cluster, clusterName, Main.verbose(spec), plan, store, listener, stdout);
            results = outcome.results();
            where = outcome.where();
          }
        }
        reports.publishSweep(results, folder.output());
      }
      long failed = results.stream().filter(r -> !r.result().completed()).count();
      stdout.printf(Locale.ROOT, "%s: %d trials %s in %.1f s, %d not completed%n",
          plan.base().name(), results.size(), where, (System.nanoTime() - start) / 1e9, failed);
      stdout.println("report: " + dir.resolve("report.html"));
      int exit = failed > 0 ? Main.RULE_ERROR : Main.OK;
      live.linger(exit); // the folder is released: --keep-serving serves the finished page from here
      return exit;
    } finally {
      live.close();
    }
  }
}

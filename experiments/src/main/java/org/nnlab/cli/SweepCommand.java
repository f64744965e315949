package org.nnlab.cli;

import com.google.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nnlab.config.ConfigDocument;
import org.nnlab.config.SweepConfig;
import org.nnlab.rules.RuleBook;
import org.nnlab.sweep.ResultsStore;
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
 * {@code results.jsonl}, and writes the sweep's report. Exit 1 when any trial failed or diverged.
 */
@Command(name = "sweep", description = "Run every trial of a sweep in parallel (resumable) and write its report.")
final class SweepCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--out", paramLabel = "DIR", description = "report folder (default: reports/sweeps/<name>)")
  Path out;

  @Option(names = "--resume", description = "run only the trials results.jsonl in the report folder lacks")
  boolean resume;

  @Option(names = "--parallel", paramLabel = "N", description = "trials at once (default: sweep.parallelism, else the cores)")
  Integer parallel;

  @Spec CommandSpec spec;

  private final SweepRunner runner;
  private final RuleBook rules;
  private final ReportWriter reports;

  @Inject
  SweepCommand(SweepRunner runner, RuleBook rules, ReportWriter reports) {
    this.runner = runner;
    this.rules = rules;
    this.reports = reports;
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
    int threads = parallel != null ? parallel
        : plan.sweep().parallelism().orElse(SweepRunner.defaultParallelism());
    Path dir = ReportFolder.check(out != null ? out : Path.of("reports", "sweeps", plan.base().name()));
    Path file = dir.resolve(ResultsStore.FILE);
    if (!resume && Files.exists(file) && Files.size(file) > 0) {
      throw new UserInputException(file + " already holds trials: add --resume to continue that sweep, "
          + "or choose another --out");
    }
    long start = System.nanoTime();
    List<TrialResult> results;
    try (ResultsStore store = ResultsStore.open(file);
        SweepProgress progress = SweepProgress.start(plan.base().name(), stdout)) {
      results = runner.run(plan, store, threads, progress);
    }
    reports.writeSweep(results, dir);
    long failed = results.stream().filter(r -> !r.result().completed()).count();
    stdout.printf(Locale.ROOT, "%s: %d trials on %d thread(s) in %.1f s, %d not completed%n",
        plan.base().name(), results.size(), threads, (System.nanoTime() - start) / 1e9, failed);
    stdout.println("report: " + dir.resolve("report.html"));
    return failed > 0 ? Main.RULE_ERROR : Main.OK;
  }
}

package org.nnlab.cli;

import com.google.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import io.micrometer.core.instrument.MeterRegistry;
import org.nnlab.config.ConfigDocument;
import org.nnlab.config.ConfigWriter;
import org.nnlab.config.ExperimentConfig;
import org.nnlab.experiment.ExperimentResult;
import org.nnlab.experiment.ExperimentRun;
import org.nnlab.experiment.ExperimentRunner;
import org.nnlab.network.EngineInfo;
import org.nnlab.network.EngineOptions;
import org.nnlab.rules.Finding;
import org.nnlab.rules.RuleBook;
import org.nnlab.sweep.SweepIdentity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code nnlab run CONFIG}: check, train, evaluate, and write results and report into the run's
 * folder, held from before training until its files are published (a second writer gets exit 2).
 */
@Command(name = "run", description = "Check the rules, train, evaluate and write the report.")
final class RunCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(names = "--out", paramLabel = "DIR", description = "report folder (default: runs/<name>)")
  Path out;

  @Mixin ServeOptions serve;

  @Spec CommandSpec spec;

  private final ExperimentRunner runner;
  private final RuleBook rules;
  private final ReportWriter reports;
  private final MeterRegistry meters;

  @Inject
  RunCommand(ExperimentRunner runner, RuleBook rules, ReportWriter reports, MeterRegistry meters) {
    this.runner = runner;
    this.rules = rules;
    this.reports = reports;
    this.meters = meters;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    ConfigDocument doc = options.document(rules.ids());
    if (doc.hasSweep()) {
      throw new UserInputException(options.config + " declares a sweep: run it with 'nnlab sweep "
          + options.config + "'");
    }
    ExperimentConfig config = doc.bind();
    serve.check();
    Path dir = ReportFolder.check(out != null ? out : ReportFolder.defaultFor(config.name()));
    ExperimentRun run;
    LiveView live = LiveView.NONE;
    try {
      try (ReportFolder folder = ReportFolder.open(dir, spec.commandLine().getErr())) {
        if (SweepIdentity.holdsSweep(dir)) {
          throw new UserInputException(dir + " holds a sweep's results (sweep.json, results.jsonl); "
              + "a run's files would mix with them: choose another --out");
        }
        printEngine(config.name(), config.network().engine(), stdout, spec.commandLine().getErr());
        live = serve.enabled() ? LiveServe.run(config.name(), config.seed(), config.training().epochs(),
            ConfigWriter.toYaml(config), dir, serve, meters, stdout) : LiveView.NONE;
        try (Progress progress = Progress.forTraining(config.name(), stdout)) {
          run = runner.run(config, Progress.both(progress, live));
        }
        reports.publish(run, folder.output());
        live.finished(run.result());
      }
      printSummary(run.result(), dir, stdout);
      int exit = run.result().completed() ? Main.OK : Main.RULE_ERROR;
      live.linger(exit); // the folder is released: --keep-serving serves the finished page from here
      return exit;
    } finally {
      live.close();
    }
  }

  /**
   * The first line of a run or sweep: which engine, precision and kernels will train; and, on
   * stderr, the warning when they fall back to the plain loops. Kernels the JVM cannot run are bad
   * input.
   */
  static void printEngine(String name, EngineOptions options, PrintWriter out, PrintWriter err) {
    EngineInfo engine;
    try {
      engine = options.describe();
    } catch (IllegalStateException e) {
      throw new UserInputException(e.getMessage());
    }
    out.println(name + ": " + engine.summary());
    engine.warning().ifPresent(w -> err.println("nnlab: warning: " + w));
  }

  static void printSummary(ExperimentResult r, Path dir, PrintWriter out) {
    for (Finding f : r.findings()) {
      out.println(f);
    }
    if (Double.isNaN(r.accuracy())) {
      out.printf(Locale.ROOT, "%s: %s%n", r.name(), r.status());
    } else {
      String validation = r.validation() == null ? ""
          : String.format(Locale.ROOT, "validation accuracy %.4f (%,d held out), ", r.validation().accuracy(),
              r.validation().samples());
      out.printf(Locale.ROOT, "%s: %s, %stest accuracy %.4f, %,d samples in %.1f s (%,.0f samples/s)%n",
          r.name(), r.status(), validation, r.accuracy(), r.samplesTrained(), r.trainSeconds(), r.samplesPerSecond());
    }
    if (!r.rotatedAccuracy().isEmpty()) {
      out.println("test accuracy, rotated: " + r.rotatedAccuracy().entrySet().stream()
          .map(e -> String.format(Locale.ROOT, "%s° %.4f", e.getKey(), e.getValue()))
          .collect(Collectors.joining(", ")));
    }
    out.println("report: " + dir.resolve("report.md"));
  }
}

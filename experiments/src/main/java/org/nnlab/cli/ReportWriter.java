package org.nnlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnlab.experiment.ExperimentResult;
import org.nnlab.experiment.ExperimentRun;
import org.nnlab.experiment.ResultsJson;
import org.nnlab.io.AtomicFiles;
import org.nnlab.model.RunArtifacts;
import org.nnlab.output.OutputFolder;
import org.nnlab.report.HtmlReport;
import org.nnlab.report.MarkdownReport;
import org.nnlab.report.SweepMarkdown;
import org.nnlab.report.SweepSummary;
import org.nnlab.report.TrialsCsv;
import org.nnlab.sweep.ResultsStore;
import org.nnlab.sweep.TrialResult;

/**
 * Writes a run's or a sweep's files into its held folder, each set published whole ({@link
 * OutputFolder#publish}): a reader finds the old set or the new one, never a model beside another
 * run's results.
 */
final class ReportWriter {
  static final String REPORT_MD = "report.md";
  static final String REPORT_HTML = "report.html";
  static final String TRIALS_CSV = "trials.csv";
  /** A run's set; results.json moves in first, so a model never stands without its results. */
  static final List<String> RUN_FILES = List.of(ResultsJson.FILE, REPORT_MD, REPORT_HTML,
      RunArtifacts.MODEL_FILE, RunArtifacts.BACKQUERY_DIR);
  /** What {@code nnlab report} rebuilds: never the results it reads. */
  static final List<String> RUN_REPORT = List.of(REPORT_MD, REPORT_HTML);
  static final List<String> SWEEP_REPORT = List.of(TRIALS_CSV, REPORT_MD, REPORT_HTML);

  /** model.nnlab, backquery/, results.json, report.md and report.html of a finished run. */
  void publish(ExperimentRun run, OutputFolder folder) throws IOException {
    folder.publish(RUN_FILES, staging -> {
      // model.nnlab and backquery/label-N.png first: the HTML report shows the back-query images
      RunArtifacts.write(run, staging);
      TestPause.after(RunArtifacts.MODEL_FILE);
      ResultsJson.write(run.result(), staging.resolve(ResultsJson.FILE));
      TestPause.after(ResultsJson.FILE);
      writeReport(run.result(), staging, staging);
    });
  }

  /** report.md and report.html of one run, rebuilt from its results; results and model stay as they are. */
  void publishReport(ExperimentResult result, OutputFolder folder) throws IOException {
    folder.publish(RUN_REPORT, staging -> writeReport(result, staging, folder.dir()));
  }

  /** trials.csv, report.md and report.html of a sweep whose results.jsonl is in the folder. */
  void publishSweep(List<TrialResult> trials, OutputFolder folder) throws IOException {
    // in the order results.jsonl holds them, the order they finished: what a rebuild from the file sees
    Map<String, Integer> finished = new HashMap<>();
    ResultsStore.readAll(folder.dir().resolve(ResultsStore.FILE))
        .forEach(t -> finished.putIfAbsent(t.trial(), finished.size()));
    // one entry per trial: a random plan that drew a point twice lists its trial twice
    Map<String, TrialResult> unique = new LinkedHashMap<>();
    trials.forEach(t -> unique.putIfAbsent(t.trial(), t));
    List<TrialResult> inOrder = new ArrayList<>(unique.values());
    inOrder.sort(Comparator.comparingInt(t -> finished.getOrDefault(t.trial(), Integer.MAX_VALUE)));
    SweepSummary summary = SweepSummary.of(inOrder);
    folder.publish(SWEEP_REPORT, staging -> {
      write(staging.resolve(TRIALS_CSV), TrialsCsv.render(summary));
      write(staging.resolve(REPORT_MD), SweepMarkdown.render(summary));
      write(staging.resolve(REPORT_HTML), HtmlReport.sweep(summary, folder.dir()));
    });
  }

  /** The two report files; {@code images} is the folder whose backquery/ the HTML shows. */
  private static void writeReport(ExperimentResult result, Path staging, Path images) throws IOException {
    write(staging.resolve(REPORT_MD), MarkdownReport.render(result));
    write(staging.resolve(REPORT_HTML), HtmlReport.run(result, images));
  }

  private static void write(Path file, String text) throws IOException {
    AtomicFiles.write(file, text); // forced to disk before the set is committed
    TestPause.after(file.getFileName().toString());
  }
}

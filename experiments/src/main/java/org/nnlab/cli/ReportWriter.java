package org.nnlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.nnlab.experiment.ExperimentResult;
import org.nnlab.experiment.ExperimentRun;
import org.nnlab.experiment.ResultsJson;
import org.nnlab.io.AtomicFiles;
import org.nnlab.report.HtmlReport;
import org.nnlab.model.RunArtifacts;
import org.nnlab.report.MarkdownReport;
import org.nnlab.report.SweepMarkdown;
import org.nnlab.report.SweepSummary;
import org.nnlab.report.TrialsCsv;
import org.nnlab.sweep.TrialResult;

/** Writes a run's or a sweep's files into its report folder, each one atomically. */
final class ReportWriter {
  void write(ExperimentRun run, Path dir) throws IOException {
    // model.nnlab and backquery/label-N.png first: the HTML report shows the back-query images
    RunArtifacts.write(run, dir);
    writeRun(run.result(), dir);
  }

  /** results.json, report.md and report.html of one run. */
  void writeRun(ExperimentResult result, Path dir) throws IOException {
    ResultsJson.write(result, dir.resolve("results.json"));
    AtomicFiles.write(dir.resolve("report.md"), MarkdownReport.render(result));
    AtomicFiles.write(dir.resolve("report.html"), HtmlReport.run(result, dir));
  }

  /** trials.csv, report.md and report.html of a sweep whose results.jsonl is already in {@code dir}. */
  void writeSweep(List<TrialResult> trials, Path dir) throws IOException {
    SweepSummary summary = SweepSummary.of(trials);
    AtomicFiles.write(dir.resolve("trials.csv"), TrialsCsv.render(summary));
    AtomicFiles.write(dir.resolve("report.md"), SweepMarkdown.render(summary));
    AtomicFiles.write(dir.resolve("report.html"), HtmlReport.sweep(summary, dir));
  }
}

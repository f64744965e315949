package org.nnlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.nnlab.experiment.ExperimentRun;
import org.nnlab.experiment.ResultsJson;
import org.nnlab.model.RunArtifacts;
import org.nnlab.report.MarkdownReport;

/** Writes a run's files into its report folder, each one atomically. */
final class ReportWriter {
  void write(ExperimentRun run, Path dir) throws IOException {
    ResultsJson.write(run.result(), dir.resolve("results.json"));
    ResultsJson.writeAtomically(dir.resolve("report.md"), MarkdownReport.render(run.result()));
    RunArtifacts.write(run, dir); // model.nnlab and backquery/label-N.png
  }
}

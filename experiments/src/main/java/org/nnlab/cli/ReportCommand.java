package org.nnlab.cli;

import com.google.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nnlab.experiment.ResultsJson;
import org.nnlab.report.ReportWriter;
import org.nnlab.sweep.ResultsStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code nnlab report DIR}: rebuilds report.md and report.html (and a sweep's trials.csv) from
 * results.jsonl or results.json alone. Reads the results, never writes them; holds the folder while
 * it writes, so it cannot interleave with a run or sweep writing there.
 */
@Command(name = "report", description = "Rebuild a report folder's report.md and report.html from its results.")
final class ReportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR", description = "a report folder (holding results.json or results.jsonl)")
  Path dir;

  @Spec CommandSpec spec;

  private final ReportWriter reports;

  @Inject
  ReportCommand(ReportWriter reports) {
    this.reports = reports;
  }

  @Override
  public Integer call() throws IOException {
    Path jsonl = dir.resolve(ResultsStore.FILE);
    Path json = dir.resolve(ResultsJson.FILE);
    if (!Files.isRegularFile(jsonl) && !Files.isRegularFile(json)) {
      throw new UserInputException(dir + ": no results.json or results.jsonl to build a report from");
    }
    PrintWriter err = spec.commandLine().getErr();
    try (ReportFolder folder = ReportFolder.open(dir, err)) {
      if (Files.isRegularFile(jsonl)) {
        ResultsStore.Contents contents = ResultsStore.read(jsonl);
        contents.notes().forEach(n -> err.println("note: " + n));
        if (contents.results().isEmpty()) {
          throw new UserInputException(jsonl + ": no finished trial to report");
        }
        reports.publishSweep(contents.results(), folder.output());
      } else {
        reports.publishReport(ResultsJson.read(json), folder.output());
      }
    }
    spec.commandLine().getOut().println("report: " + dir.resolve(ReportWriter.REPORT_HTML));
    return Main.OK;
  }
}

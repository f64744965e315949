package org.nnlab.cli;

import com.google.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nnlab.experiment.ResultsJson;
import org.nnlab.sweep.ResultsStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nnlab report DIR}: rebuilds report.md and report.html from results.jsonl or results.json alone. */
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
    Path json = dir.resolve("results.json");
    if (Files.isRegularFile(jsonl)) {
      var results = ResultsStore.readAll(jsonl);
      if (results.isEmpty()) {
        throw new UserInputException(jsonl + ": no finished trial to report");
      }
      reports.writeSweep(results, dir);
    } else if (Files.isRegularFile(json)) {
      reports.writeRun(ResultsJson.read(json), dir);
    } else {
      throw new UserInputException(dir + ": no results.json or results.jsonl to build a report from");
    }
    spec.commandLine().getOut().println("report: " + dir.resolve("report.html"));
    return Main.OK;
  }
}

package org.nnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.experiment.ResultsJson;
import org.nnlab.sweep.ResultsStore;
import org.nnlab.sweep.TrialResult;

class SweepCommandTest {

  @Test
  void sweep_writesEveryTrialAndTheReport_andReportRebuildsTheSameFiles(@TempDir Path dir) throws IOException {
    Path config = TinySweeps.write(dir, "[0.1, 0.3]", 2);
    Path out = dir.resolve("out");
    CliRun run = CliRun.of("sweep", config.toString(), "--out", out.toString(), "--parallel", "2");
    assertThat(run.exit()).as(run.err()).isZero();
    List<TrialResult> trials = ResultsStore.readAll(out.resolve("results.jsonl"));
    assertThat(trials).hasSize(4);
    assertThat(trials.stream().map(TrialResult::seed).distinct()).hasSize(4);
    assertThat(trials).allSatisfy(t -> {
      assertThat(t.result().completed()).isTrue();
      assertThat(t.result().mistakes()).hasSize(10);
      assertThat(t.parameters()).containsOnlyKeys("training.learningRate");
    });
    assertThat(Files.readAllLines(out.resolve("trials.csv"))).hasSize(5)
        .first().asString().startsWith("trial,repeat,seed,training.learningRate,status,accuracy");
    String html = Files.readString(out.resolve("report.html"));
    // the charts' <svg> elements are drawn in the browser: ReportBrowserTest finds them in the rendered page
    assertThat(html).contains("Test accuracy vs training.learningRate", "Most confident mistakes",
        "data:image/png;base64,", "Best configuration").doesNotContain("src=\"http", "href=\"http");
    String md = Files.readString(out.resolve("report.md"));
    assertThat(md).contains("# Sweep tiny-sweep", "## Accuracy vs training.learningRate", "```yaml");

    Files.delete(out.resolve("report.html"));
    Files.writeString(out.resolve("report.md"), "stale");
    CliRun rebuild = CliRun.of("report", out.toString());
    assertThat(rebuild.exit()).as(rebuild.err()).isZero();
    assertThat(Files.readString(out.resolve("report.html"))).isEqualTo(html);
    assertThat(Files.readString(out.resolve("report.md"))).isEqualTo(md);
  }

  @Test
  void sweep_existingResultsWithoutResume_exitsTwo_andResumeWithNothingMissingRunsNothing(@TempDir Path dir)
      throws IOException {
    Path config = TinySweeps.write(dir, "[0.2]", 1);
    Path out = dir.resolve("out");
    assertThat(CliRun.of("sweep", config.toString(), "--out", out.toString()).exit()).isZero();
    String before = Files.readString(out.resolve("results.jsonl"));
    CliRun again = CliRun.of("sweep", config.toString(), "--out", out.toString());
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err()).contains("already holds trials: add --resume");
    CliRun resumed = CliRun.of("sweep", config.toString(), "--out", out.toString(), "--resume");
    assertThat(resumed.exit()).as(resumed.err()).isZero();
    assertThat(Files.readString(out.resolve("results.jsonl"))).isEqualTo(before);
  }

  @Test
  void resume_ofAnotherSweep_orOtherSetValues_exitsTwo_inOneLine_andAddsNothing(@TempDir Path dir)
      throws IOException {
    Path out = TinySweeps.sweptInto(dir, "[0.2]", 1);
    Path config = dir.resolve("tiny-sweep.yaml");
    String before = Files.readString(out.resolve("results.jsonl"));

    CliRun otherSet = CliRun.of("sweep", config.toString(), "--out", out.toString(), "--resume",
        "--set", "training.epochs=2");
    assertThat(otherSet.exit()).isEqualTo(2);
    assertThat(otherSet.err()).startsWith("nnlab: cannot resume: " + out + " holds the trials of another sweep "
        + "('tiny-sweep', config sha256:").endsWith("; resume with the same config and --set values, "
        + "or choose another --out" + System.lineSeparator()).hasLineCount(1);

    Path other = Files.createDirectories(dir.resolve("other"));
    Path otherConfig = TinySweeps.write(other, "[0.3]", 1);
    for (CliRun refused : List.of(CliRun.of("sweep", otherConfig.toString(), "--out", out.toString()),
        CliRun.of("sweep", otherConfig.toString(), "--out", out.toString(), "--resume"))) {
      assertThat(refused.exit()).isEqualTo(2);
      assertThat(refused.err()).contains(out + " holds the trials of another sweep").hasLineCount(1);
    }
    assertThat(Files.readString(out.resolve("results.jsonl"))).isEqualTo(before);
  }

  @Test
  void report_countsEachTrialOnce_notesATornLastLine_andNeverRewritesTheResults(@TempDir Path dir)
      throws IOException {
    Path out = TinySweeps.sweptInto(dir, "[0.1, 0.3]", 1);
    Path jsonl = out.resolve("results.jsonl");
    List<String> lines = Files.readAllLines(jsonl);
    Files.writeString(jsonl, lines.get(0) + "\n" + lines.get(1) + "\n" + lines.get(0) + "\n"
        + lines.get(1).substring(0, 40));
    byte[] results = Files.readAllBytes(jsonl);
    var modified = Files.getLastModifiedTime(jsonl);

    CliRun report = CliRun.of("report", out.toString());
    assertThat(report.exit()).as(report.err()).isZero();
    assertThat(report.err()).contains(jsonl + ":3: 1 line(s) repeat a trial already read; each trial counts once",
        jsonl + ":4: ignored a torn last line").hasLineCount(2);
    assertThat(Files.readAllLines(out.resolve("trials.csv"))).hasSize(3);
    assertThat(Files.readAllBytes(jsonl)).isEqualTo(results);
    assertThat(Files.getLastModifiedTime(jsonl)).isEqualTo(modified);
  }

  @Test
  void run_intoASweepsFolder_andSweep_intoARunsFolder_exitTwo_touchingNothing(@TempDir Path dir) throws IOException {
    Path sweep = TinySweeps.sweptInto(dir, "[0.2]", 1);
    Path config = dir.resolve("tiny-sweep.yaml");
    CliRun run = CliRun.of("run", CliRun.config("quickstart.yaml"), "--out", sweep.toString(), "--set", "training.epochs=1");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("nnlab: " + sweep + " holds a sweep's results (sweep.json, results.jsonl); "
        + "a run's files would mix with them: choose another --out" + System.lineSeparator());
    assertThat(sweep.resolve("results.json")).doesNotExist();

    Path runDir = dir.resolve("run");
    assertThat(CliRun.of("run", CliRun.config("quickstart.yaml"), "--out", runDir.toString(),
        "--set", "training.epochs=1", "--set", "network.layers=[784,4,10]").exit()).isZero();
    CliRun into = CliRun.of("sweep", config.toString(), "--out", runDir.toString());
    assertThat(into.exit()).isEqualTo(2);
    assertThat(into.err()).isEqualTo("nnlab: " + runDir + " holds a run's results (results.json), not a sweep's; "
        + "choose another --out for the sweep" + System.lineSeparator());
    assertThat(runDir.resolve("results.jsonl")).doesNotExist();
  }

  @Test
  void halving_printsEachRungsTrials_andResumeRetrainsAMissingSurvivorToTheSameNumbers(@TempDir Path dir)
      throws IOException {
    Path config = TinySweeps.write(dir, "[0.05, 0.3, 0.6]\n  strategy: halving\n  maxEpochs: 3", 1);
    Path out = dir.resolve("out");
    CliRun run = CliRun.of("sweep", config.toString(), "--out", out.toString(), "--parallel", "2");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).containsPattern("trial 4/4 \\{training.learningRate=0\\.\\d+, training.epochs=3\\}")
        .as("a fresh sweep resumes nothing, whatever the rung").doesNotContain("resuming");
    List<String> lines = Files.readAllLines(out.resolve("results.jsonl"));
    TrialResult continued = TrialResult.parse(lines.get(3));
    Files.write(out.resolve("results.jsonl"), lines.subList(0, 3));
    CliRun resumed = CliRun.of("sweep", config.toString(), "--out", out.toString(), "--resume");
    assertThat(resumed.exit()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains("resuming: 3 of 3 trials already stored").containsOnlyOnce("resuming");
    TrialResult fromScratch = ResultsStore.readAll(out.resolve("results.jsonl")).get(3);
    assertThat(fromScratch.trial()).isEqualTo(continued.trial());
    assertThat(fromScratch.result().epochs()).hasSize(3).extracting(e -> e.accuracy() + "/" + e.loss())
        .isEqualTo(continued.result().epochs().stream().map(e -> e.accuracy() + "/" + e.loss()).toList());
  }

  @Test
  void sweep_invalidPoints_exitTwo_listingEveryOne_beforeAnyTraining(@TempDir Path dir) throws IOException {
    Path config = TinySweeps.write(dir, "[-1.0, 0.1, 0.0]", 1);
    Path out = dir.resolve("out");
    CliRun run = CliRun.of("sweep", config.toString(), "--out", out.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("the sweep is invalid, 2 offending point(s):",
        "point {training.learningRate=-1.0}: learning-rate [error]",
        "point {training.learningRate=0.0}: learning-rate [error]");
    assertThat(out.resolve("results.jsonl")).doesNotExist();
  }

  @Test
  void sweep_infiniteValue_exitsTwo_withOneLineAtTheValue(@TempDir Path dir) throws IOException {
    Path config = TinySweeps.write(dir, "[0.1, .inf]", 1);
    Path out = dir.resolve("out");
    CliRun run = CliRun.of("sweep", config.toString(), "--out", out.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("nnlab: " + config + ":9:34: sweep.parameters.training.learningRate[1] "
        + "must be a finite number, found .inf; allowed: finite numbers such as 0.1, -2 or 1e-3"
        + System.lineSeparator());
    assertThat(out).doesNotExist();
  }

  @Test
  void sweep_leadingZeroAndHexValues_trainWithTheValuesTheConfigReads(@TempDir Path dir) throws IOException {
    Path config = TinySweeps.write(dir, "[0.1]\n    network.layers[1]: [010, 0x3]", 1);
    Path out = dir.resolve("out");
    CliRun run = CliRun.of("sweep", config.toString(), "--out", out.toString(), "--parallel", "1");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(ResultsStore.readAll(out.resolve("results.jsonl")))
        .extracting(t -> t.parameters().get("network.layers[1]")).containsExactly(10, 3);
  }

  @Test
  void report_singleRun_rebuildsFromResultsJson(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("run");
    CliRun run = CliRun.of("run", CliRun.config("quickstart.yaml"), "--out", out.toString(),
        "--set", "training.epochs=1", "--set", "network.layers=[784,4,10]");
    assertThat(run.exit()).as(run.err()).isZero();
    String html = Files.readString(out.resolve("report.html"));
    assertThat(html).contains("Learning curve", "Confusion matrix", "sha256:"); // <svg>: ReportBrowserTest
    assertThat(ResultsJson.read(out.resolve("results.json")).mistakes()).hasSize(10);
    Files.delete(out.resolve("report.html"));
    byte[] results = Files.readAllBytes(out.resolve("results.json"));
    var modified = Files.getLastModifiedTime(out.resolve("results.json"));
    assertThat(CliRun.of("report", out.toString()).exit()).isZero();
    assertThat(Files.readString(out.resolve("report.html"))).isEqualTo(html);
    assertThat(Files.readAllBytes(out.resolve("results.json"))).as("report reads results, never writes them")
        .isEqualTo(results);
    assertThat(Files.getLastModifiedTime(out.resolve("results.json"))).isEqualTo(modified);
  }

  @Test
  void report_folderWithoutResults_exitsTwo(@TempDir Path dir) {
    CliRun run = CliRun.of("report", dir.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("no results.json or results.jsonl");
  }
}

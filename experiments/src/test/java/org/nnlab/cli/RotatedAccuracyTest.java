package org.nnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.experiment.ExperimentResult;
import org.nnlab.experiment.ResultsJson;

class RotatedAccuracyTest {
  @TempDir Path out;

  @Test
  void run_withAugmentRotate_recordsAccuracyOnTheRotatedTestSet_andReportsIt() throws IOException {
    CliRun run = CliRun.of("run", CliRun.config("quickstart.yaml"), "--out", out.toString(),
        "--set", "data.augment.rotate=[-10, 10]", "--set", "training.epochs=1",
        "--set", "network.layers=[784,20,10]");
    assertThat(run.exit()).as(run.err()).isZero();
    ExperimentResult r = ResultsJson.read(out.resolve("results.json"));
    assertThat(r.samplesTrained()).as("every training image plus two rotated copies").isEqualTo(30_000);
    assertThat(r.rotatedAccuracy()).containsOnlyKeys("-10", "10");
    r.rotatedAccuracy().values().forEach(acc -> assertThat(acc).isBetween(0.5, 1.0).isNotEqualTo(r.accuracy()));
    String md = Files.readString(out.resolve("report.md"));
    assertThat(md).containsPattern("\\| test accuracy \\| 0\\.\\d{4} \\|\n"
        + "\\| test accuracy, rotated -10° \\| 0\\.\\d{4} \\|\n\\| test accuracy, rotated 10° \\| 0\\.\\d{4} \\|");
    // and on the console, right after the test accuracy
    assertThat(run.out()).contains(String.format(Locale.ROOT, "test accuracy %.4f, 30,000 samples", r.accuracy()),
        String.format(Locale.ROOT, " samples/s)%ntest accuracy, rotated: -10° %.4f, 10° %.4f%nreport: ",
            r.rotatedAccuracy().get("-10"), r.rotatedAccuracy().get("10")));
  }

  @Test
  void run_withoutAugment_hasNoRotatedAccuracy() throws IOException {
    CliRun run = CliRun.of("run", CliRun.config("quickstart.yaml"), "--out", out.toString(),
        "--set", "training.epochs=1", "--set", "network.layers=[784,10,10]");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(ResultsJson.read(out.resolve("results.json")).rotatedAccuracy()).isEmpty();
    assertThat(Files.readString(out.resolve("report.md"))).doesNotContain("rotated");
    assertThat(run.out()).doesNotContain("rotated");
  }
}

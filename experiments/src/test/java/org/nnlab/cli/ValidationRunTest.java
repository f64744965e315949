package org.nnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.experiment.EpochStats;
import org.nnlab.experiment.ExperimentResult;
import org.nnlab.experiment.ResultsJson;

/** {@code nnlab run} with {@code data.validation}: both accuracies on every epoch line, the final line and the report. */
class ValidationRunTest {
  @TempDir Path out;

  @Test
  void run_withValidation_showsValidationBesideTestAccuracy_andTrainsOnTheRest() throws IOException {
    CliRun run = CliRun.of("run", CliRun.config("quickstart.yaml"), "--out", out.toString(),
        "--set", "data.validation=2000", "--set", "training.epochs=2", "--set", "network.layers=[784,20,10]");
    assertThat(run.exit()).as(run.err()).isZero();
    ExperimentResult r = ResultsJson.read(out.resolve("results.json"));
    assertThat(r.samplesTrained()).as("8,000 of the 10,000 training digits, twice").isEqualTo(16_000);
    assertThat(r.validation().samples()).isEqualTo(2000);
    assertThat(r.validation().accuracy()).isBetween(0.5, 1.0).isEqualTo(r.epochs().get(1).validationAccuracy());
    for (EpochStats e : r.epochs()) {
      assertThat(run.out()).contains(String.format(Locale.ROOT, "epoch %d: loss %.5f, validation %.4f, test %.4f, ",
          e.epoch(), e.loss(), e.validationAccuracy(), e.accuracy()));
    }
    assertThat(run.out()).contains(String.format(Locale.ROOT,
        "quickstart: completed, validation accuracy %.4f (2,000 held out), test accuracy %.4f, 16,000 samples",
        r.validation().accuracy(), r.accuracy()));
    assertThat(Files.readString(out.resolve("report.md"))).contains(String.format(Locale.ROOT,
        "| validation accuracy | %.4f (2,000 training samples held out) |%n| test accuracy | %.4f |",
        r.validation().accuracy(), r.accuracy()), "| epoch | validation accuracy | test accuracy |");
  }

  @Test
  void run_holdingOutEveryTrainingSample_isOneLine_exitTwo_beforeTraining() {
    CliRun run = CliRun.of("run", CliRun.config("quickstart.yaml"), "--out", out.toString(),
        "--set", "data.validation=10000");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().strip()).isEqualTo("nnlab: mnist-sample:train: data.validation holds out 10000 samples of its "
        + "10000; allowed: 1 to 9999, so some are left to train on");
    assertThat(run.out()).doesNotContain("epoch 1");
  }

  @Test
  void sweep_withValidation_choosesByIt_andSaysSoOnEveryTrialLineAndInTheReport() throws IOException {
    CliRun run = CliRun.of("sweep", TinySweeps.write(out, "[0.05, 0.3]", 1).toString(), "--out",
        out.resolve("s").toString(), "--set", "data.validation=1000");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).containsPattern(
        "trial [12]/2 \\{training.learningRate=0.05\\} seed -?\\d+: completed, validation 0\\.\\d{4}, test 0\\.\\d{4} "
            + "\\(best validation 0\\.\\d{4}\\)")
        .as("the trials finish in either order on two threads")
        .containsPattern("trial [12]/2 \\{training.learningRate=0.3\\} seed -?\\d+: completed, validation 0\\.\\d{4}");
    assertThat(Files.readString(out.resolve("s/report.md"))).contains("The best point was chosen on validation accuracy "
        + "(1,000 training samples held out); test accuracy is reported, never used for choosing.",
        "| mean validation accuracy | std | mean test accuracy |");
  }
}

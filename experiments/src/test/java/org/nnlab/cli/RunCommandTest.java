package org.nnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.experiment.ExperimentResult;
import org.nnlab.experiment.ResultsJson;

class RunCommandTest {

  @Test
  void run_quickstart_reachesNinetyPercent_andWritesResultsAndReport(@TempDir Path out) throws IOException {
    CliRun run = CliRun.of("run", CliRun.config("quickstart.yaml"), "--out", out.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    ExperimentResult r = ResultsJson.read(out.resolve("results.json"));
    assertThat(r.status()).isEqualTo("completed");
    assertThat(r.accuracy()).isGreaterThanOrEqualTo(0.90);
    assertThat(r.epochs()).hasSize(3);
    assertThat(r.samplesTrained()).isEqualTo(30_000);
    assertThat(r.samplesPerSecond()).isPositive();
    assertThat(r.provenance().datasets().get("train")).startsWith("sha256:");
    assertThat(r.provenance().configHash()).startsWith("sha256:");
    assertThat(Files.readString(out.resolve("report.md"))).contains("# quickstart", "## Learning curve", "## Confusion matrix");
    assertThat(run.out()).containsPattern("quickstart: completed, test accuracy 0\\.9\\d{3}");
  }

  @Test
  void run_sameSeedTwice_givesIdenticalAccuracyAndLoss(@TempDir Path out) throws IOException {
    String[] args = {"run", CliRun.config("quickstart.yaml"), "--set", "training.epochs=1", "--set", "network.layers=[784,20,10]"};
    CliRun.of(concat(args, "--out", out.resolve("a").toString()));
    CliRun.of(concat(args, "--out", out.resolve("b").toString()));
    ExperimentResult a = ResultsJson.read(out.resolve("a/results.json"));
    ExperimentResult b = ResultsJson.read(out.resolve("b/results.json"));
    assertThat(b.accuracy()).isEqualTo(a.accuracy());
    assertThat(b.epochs().get(0).loss()).isEqualTo(a.epochs().get(0).loss());
  }

  @Test
  void run_inFloat_completes_closeToTheDoubleRun_andRepeatsBitForBit(@TempDir Path out) throws IOException {
    String[] args = {"run", CliRun.config("quickstart.yaml"), "--set", "training.epochs=1", "--set", "network.layers=[784,20,10]"};
    String[] inFloat = concat(args, "--set", "network.precision=float");
    CliRun.of(concat(args, "--out", out.resolve("double").toString()));
    CliRun run = CliRun.of(concat(inFloat, "--out", out.resolve("float").toString()));
    CliRun.of(concat(inFloat, "--out", out.resolve("again").toString()));
    assertThat(run.exit()).as(run.err()).isZero();
    ExperimentResult d = ResultsJson.read(out.resolve("double/results.json"));
    ExperimentResult f = ResultsJson.read(out.resolve("float/results.json"));
    ExperimentResult again = ResultsJson.read(out.resolve("again/results.json"));
    assertThat(f.status()).isEqualTo("completed");
    assertThat(f.config()).contains("precision: float");
    // float rounds at ~6e-8 per operation: the same descent, not the same bits as double
    assertThat(f.accuracy()).isCloseTo(d.accuracy(), within(0.005));
    assertThat(f.epochs().get(0).loss()).isCloseTo(d.epochs().get(0).loss(), within(1e-4));
    // deterministic: a second run (with the JIT in another state) gives the same bits
    assertThat(again.accuracy()).isEqualTo(f.accuracy());
    assertThat(again.epochs().get(0).loss()).isEqualTo(f.epochs().get(0).loss());
  }

  @Test
  void run_withHugeInitialWeights_divergesAndExitsOne(@TempDir Path out) throws IOException {
    CliRun run = CliRun.of("run", CliRun.config("quickstart.yaml"), "--out", out.toString(),
        "--set", "network.init={normal: {sigma: 1.0e308}}", "--set", "training.epochs=1");
    assertThat(run.exit()).isEqualTo(1);
    ExperimentResult r = ResultsJson.read(out.resolve("results.json"));
    assertThat(r.status()).isEqualTo("diverged");
    assertThat(r.findings()).anySatisfy(f -> assertThat(f.rule()).isEqualTo("divergence"));
    assertThat(run.out()).contains("divergence [error]");
  }

  @Test
  void run_brokenConfig_writesAFailedReport_andExitsOne(@TempDir Path out) throws IOException {
    CliRun run = CliRun.of("run", CliRun.config("broken/targets-zero-one.yaml"), "--out", out.toString());
    assertThat(run.exit()).isEqualTo(1);
    ExperimentResult r = ResultsJson.read(out.resolve("results.json"));
    assertThat(r.status()).isEqualTo("failed");
    assertThat(r.samplesTrained()).isZero();
  }

  @Test
  void run_badData_exitsTwo_andWritesNothing(@TempDir Path out) throws IOException {
    Path csv = out.resolve("bad.csv");
    Files.writeString(csv, "5,0,0\n3,1\n");
    CliRun run = CliRun.of("run", CliRun.config("quickstart.yaml"), "--out", out.resolve("r").toString(),
        "--set", "data.train={format: csv, file: " + csv + "}");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("nnlab: ").contains("bad.csv");
    assertThat(out.resolve("r")).doesNotExist();
  }

  @Test
  void run_withANameThatIsAPath_exitsTwo_atTheNamesPosition_writingNothing(@TempDir Path tmp) throws IOException {
    Path config = tmp.resolve("escape.yaml");
    Files.writeString(config, "extends: " + Path.of(CliRun.config("quickstart.yaml")).toAbsolutePath() + "\n"
        + "name: \"..\"\n");
    CliRun run = CliRun.of("run", config.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("nnlab: " + config + ":2:7: name must be a safe folder name, found '..'; "
        + "allowed: 1 to 100 letters, digits, '.', '_' or '-', not starting with '.'" + System.lineSeparator());
    assertThat(Path.of("runs")).doesNotExist();
    assertThat(Path.of("results.json")).doesNotExist();
  }

  @Test
  void run_setNotANumber_exitsTwo_withOneLineNamingTheSet(@TempDir Path out) {
    CliRun run = CliRun.of("run", CliRun.config("quickstart.yaml"), "--out", out.resolve("r").toString(),
        "--set", "training.learningRate=.nan");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("nnlab: --set training.learningRate: training.learningRate must be a finite "
        + "number, found .nan; allowed: finite numbers such as 0.1, -2 or 1e-3" + System.lineSeparator());
    assertThat(out.resolve("r")).doesNotExist();
  }

  @Test
  void run_intoAnUnwritableFolder_exitsTwo_beforeTraining(@TempDir Path tmp) throws IOException {
    Path file = Files.writeString(tmp.resolve("taken"), "a file, not a folder");
    CliRun run = CliRun.of("run", CliRun.config("quickstart.yaml"), "--out", file.resolve("sub").toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("nnlab: cannot write the report folder ").contains("is a file, not a folder").doesNotContain("\tat ");
    assertThat(run.out()).doesNotContain("epoch 1");
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}

package org.nnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.experiment.ResultsJson;
import org.nnlab.model.Npy;

/**
 * The command line fed what a hostile user would: special files, sizes past the machine, results
 * and models edited by hand, binary text. Every answer is exit 2 with one printable line on stderr,
 * never a stack trace or an internal error, and nothing is half-written.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileInputTest {
  @TempDir Path dir;

  /** Asserts the contract of bad input and returns the one line, without "nnlab: ". */
  static String badInput(CliRun run) {
    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).startsWith("nnlab: ").endsWith("\n").doesNotContain("internal error", "\tat ");
    assertThat(run.err().strip().lines().count()).as(run.err()).isEqualTo(1);
    assertThat(run.err().chars().filter(c -> c < 0x20 && c != '\n' || c == 0x7f)).isEmpty();
    return run.err().strip().substring("nnlab: ".length());
  }

  private Path fifo(String name) throws IOException, InterruptedException {
    Path p = dir.resolve(name);
    Process mk;
    try {
      mk = new ProcessBuilder("mkfifo", p.toString()).start();
    } catch (IOException e) {
      Assumptions.abort("no mkfifo on this system: " + e.getMessage());
      return p;
    }
    Assumptions.assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo failed here");
    return p;
  }

  @Test
  void configThatIsNoRegularFile_saysWhatItIs() throws Exception {
    Path fifo = fifo("pipe.yaml");
    assertThat(badInput(CliRun.of("check", fifo.toString()))).isEqualTo(fifo + " is a FIFO, not a regular file");
    assertThat(badInput(CliRun.of("run", dir.toString()))).isEqualTo(dir + " is a directory, not a regular file");
    Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero here");
    assertThat(badInput(CliRun.of("check", "/dev/zero"))).isEqualTo("/dev/zero is a character device, not a regular file");
    Path child = Files.writeString(dir.resolve("c.yaml"), "extends: pipe.yaml\n");
    assertThat(badInput(CliRun.of("check", child.toString()))).isEqualTo(child + ":1:10: " + fifo
        + " is a FIFO, not a regular file");
  }

  @Test
  void layersPastWhatFits_areOneLine() {
    String q = CliRun.config("quickstart.yaml");
    assertThat(badInput(CliRun.of("run", q, "--set", "network.layers=[784,46341,46341,10]", "--out", dir.toString())))
        .startsWith("--set network.layers: network.layers [784, 46341, 46341, 10]: 2,184,283,035 weights need 17.5 GB;");
    assertThat(badInput(CliRun.of("check", q, "--set", "network.layers=[784,40000,40000,10]")))
        .startsWith("network.layers [784, 40000, 40000, 10]: 1,631,760,000 weights need 13.1 GB (×3 copies");
    assertThat(badInput(CliRun.of("bench", "--layers", "784,46341,46341,10")))
        .startsWith("network.layers [784, 46341, 46341, 10]: 2,184,283,035 weights need 17.5 GB;");
    assertThat(dir.toFile().list()).isEmpty();
  }

  @Test
  void reportOfHandEditedResults_isOneLineNamingFileAndField_andWritesNothing() throws IOException {
    Path results = dir.resolve("results.json");
    for (String[] bad : new String[][] {
        {"", "empty; expected one JSON object with name, status, accuracy, samplesPerSecond, trainSeconds,"
            + " epochs, findings, provenance"},
        {"[]", "expected a JSON object with name, status, accuracy, samplesPerSecond, trainSeconds, epochs,"
            + " findings, provenance, found an array"},
        {"{\"name\": \"x\", \"status\": \"completed\"}", "field 'accuracy' is missing"},
        {"{\"accuracy\": NaN}", "not JSON: line 1, column 17: Non-standard token 'NaN'"}}) {
      Files.writeString(results, bad[0]);
      assertThat(badInput(CliRun.of("report", dir.toString()))).isEqualTo(results + ": " + bad[1]);
    }
    assertThat(dir.resolve("report.html")).doesNotExist();
  }

  @Test
  void sweepReportWithAccuraciesOutsideZeroOne_isRefusedNamingTheLine() throws IOException {
    Path config = TinySweeps.write(dir, "[0.1, 0.2]", 1);
    Path out = dir.resolve("out");
    CliRun sweep = CliRun.of("sweep", config.toString(), "--out", out.toString(), "--parallel", "1");
    assertThat(sweep.exit()).as(sweep.err()).isZero();
    Path jsonl = out.resolve("results.jsonl");
    String lines = Files.readString(jsonl);
    Files.writeString(jsonl, lines.replaceFirst("\"accuracy\":[0-9.]+", "\"accuracy\":5.0"));
    assertThat(badInput(CliRun.of("report", out.toString())))
        .isEqualTo(jsonl + ":1: accuracy must lie in [0, 1] (or be null), found 5.0");
  }

  @Test
  void importOfNonFiniteWeights_isRefused_andWritesNoModel() throws IOException {
    Path weights = Files.createDirectories(dir.resolve("w"));
    Npy.write(weights.resolve("W1.npy"), Npy.Matrix.of(10, 4, new double[40]));
    double[] w2 = new double[40];
    w2[7] = Double.NaN;
    Npy.write(weights.resolve("W2.npy"), Npy.Matrix.of(4, 10, w2));
    Path model = dir.resolve("m.nnlab");
    assertThat(badInput(CliRun.of("import", weights.toString(), "--out", model.toString())))
        .isEqualTo(weights.resolve("W2.npy") + " holds NaN at row 0, column 7; weights must be finite numbers");
    assertThat(model).doesNotExist();
  }

  @Test
  void binaryOrSetErrors_printNoControlBytes_andPointAtTheSet() throws IOException {
    Path binary = Files.write(dir.resolve("b.yaml"), new byte[] {'n', 'a', 'm', 'e', ':', ' ', 0, 0x1b, '[', '2', 'J'});
    assertThat(badInput(CliRun.of("check", binary.toString())))
        .isEqualTo(binary + ": character 7 is U+0000, which YAML does not allow; allowed: printable UTF-8 text");
    assertThat(badInput(CliRun.of("check", CliRun.config("quickstart.yaml"), "--set", "network.layers[1]=0")))
        .isEqualTo("--set network.layers[1]: network.layers[1] must be ≥ 1, found 0");
    assertThat(badInput(CliRun.of("check", CliRun.config("quickstart.yaml"), "--set", "name=\"a\\e[2Jb\"")))
        .startsWith("--set name: name must be a safe folder name, found '");
  }

  @Test
  void countsAUserTypes_areBounded() throws IOException {
    Path config = Files.writeString(dir.resolve("s.yaml"), "extends: "
        + Path.of(CliRun.config("quickstart.yaml")).toAbsolutePath() + "\nsweep:\n  strategy: random\n"
        + "  trials: 0\n  parameters:\n    training.learningRate: {min: 0.01, max: 1.0}\n");
    assertThat(badInput(CliRun.of("sweep", config.toString(), "--out", dir.resolve("o").toString())))
        .isEqualTo(config + ":4:11: sweep.trials must be an integer from 1 to 10000, found 0");
    assertThat(badInput(CliRun.of("sweep", config.toString(), "--parallel", "100000")))
        .isEqualTo("--parallel must lie in 1..1024, found 100000");
    assertThat(badInput(CliRun.of("data", "fetch", "mnist", "--deadline", "1e300", "--data-dir", dir.toString())))
        .isEqualTo("--deadline must lie in 0.001..86400 seconds, found 1.0E300");
    assertThat(ResultsJson.REQUIRED).contains("accuracy");
  }
}

package org.nnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.experiment.ExperimentResult;
import org.nnlab.experiment.ResultsJson;
import org.nnlab.network.EngineInfo;

/**
 * {@code network.kernels} and what the run says about its engine: the first console line, the
 * provenance in results.json, the report; and, in a JVM started without the vector module, the one
 * warning of {@code auto} and the error of {@code vector}.
 */
class EngineChoiceTest {
  private static final String[] SMALL = {"--set", "training.epochs=1", "--set", "network.layers=[784,10]"};

  @Test
  void run_namesItsEngineFirst_andRecordsItInResultsAndReport(@TempDir Path out) throws IOException {
    CliRun run = CliRun.of(args("run", CliRun.config("quickstart.yaml"), "--set", "network.kernels=scalar",
        "--out", out.toString()));
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out().lines().findFirst()).contains("quickstart: block engine, double precision, scalar kernels");
    assertThat(run.err()).doesNotContain("warning");
    ExperimentResult r = ResultsJson.read(out.resolve("results.json"));
    assertThat(r.provenance().engine()).isEqualTo(new EngineInfo("block", "double", "scalar", 0, "scalar"));
    assertThat(r.config()).contains("kernels: scalar");
    assertThat(Files.readString(out.resolve("report.md")))
        .contains("| engine | block engine, double precision, scalar kernels |");
    assertThat(Files.readString(out.resolve("report.html"))).contains("block engine, double precision, scalar kernels");
  }

  @Test
  void run_auto_usesTheVectorKernels_whenTheJvmHasTheModule(@TempDir Path out) throws IOException {
    CliRun run = CliRun.of(args("run", CliRun.config("quickstart.yaml"), "--set", "network.precision=float",
        "--out", out.toString()));
    assertThat(run.exit()).as(run.err()).isZero();
    EngineInfo engine = ResultsJson.read(out.resolve("results.json")).provenance().engine();
    assertThat(engine.kernels()).isEqualTo("vector-" + engine.vectorBits());
    assertThat(engine.vectorBits()).isGreaterThanOrEqualTo(128);
    assertThat(engine.precision()).isEqualTo("float");
    assertThat(engine.requested()).isEqualTo("auto");
    assertThat(run.out().lines().findFirst())
        .contains("quickstart: block engine, float precision, vector-" + engine.vectorBits() + " kernels");
  }

  @Test
  void withoutTheVectorModule_autoWarnsOnceHowToEnableIt_andVectorIsBadInput(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("auto");
    Result auto = plainJvm(dir, args("run", CliRun.config("quickstart.yaml"), "--out", out.toString()));
    assertThat(auto.exit()).as(auto.err()).isZero();
    assertThat(auto.err().lines().filter(l -> l.contains("warning"))).containsExactly(
        "nnlab: warning: this JVM lacks jdk.incubator.vector, so training runs on the plain scalar loops"
            + " (about 15x slower): start java with --add-modules jdk.incubator.vector (the ./nnlab launcher does)");
    assertThat(auto.out().lines().findFirst()).contains("quickstart: block engine, double precision, scalar kernels");
    assertThat(ResultsJson.read(out.resolve("results.json")).provenance().engine())
        .isEqualTo(new EngineInfo("block", "double", "scalar", 0, "auto"));

    Path none = dir.resolve("vector");
    Result vector = plainJvm(dir, args("run", CliRun.config("quickstart.yaml"), "--set", "network.kernels=vector",
        "--out", none.toString()));
    assertThat(vector.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(vector.err().strip()).isEqualTo("nnlab: network.kernels: vector needs the jdk.incubator.vector module;"
        + " start java with --add-modules jdk.incubator.vector (the ./nnlab launcher does)");
    assertThat(none.resolve("results.json")).doesNotExist();
  }

  private record Result(int exit, String out, String err) {}

  /** The command line in a JVM started without {@code --add-modules jdk.incubator.vector}. */
  private static Result plainJvm(Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "org.nnlab.cli.Main"));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("no exit within 120 s: " + Files.readString(err));
    }
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static String[] args(String... head) {
    String[] all = new String[head.length + SMALL.length];
    System.arraycopy(head, 0, all, 0, 2);
    System.arraycopy(SMALL, 0, all, 2, SMALL.length);
    System.arraycopy(head, 2, all, 2 + SMALL.length, head.length - 2);
    return all;
  }
}

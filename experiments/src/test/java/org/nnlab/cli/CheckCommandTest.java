package org.nnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckCommandTest {

  @ParameterizedTest
  @CsvSource({
    "broken/targets-zero-one.yaml, target-range [error] data.targets.on = 1.0",
    "broken/constant-init.yaml, symmetry [error] layer 1 (100 nodes): nodes 0 and 1 have identical incoming weights",
    "broken/zero-range-inputs.yaml, input-range [error] data.inputs: min 0.0 ≥ max 0.0 leaves no range",
  })
  void check_brokenConfig_exitsOne_namingTheViolatedRule(String file, String expected) {
    CliRun run = CliRun.of("check", CliRun.config(file));
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains(expected);
  }

  @Test
  void check_quickstart_passesWithoutFindings() {
    CliRun run = CliRun.of("check", CliRun.config("quickstart.yaml"));
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("0 error(s), 0 warning(s)");
  }

  @Test
  void everyCommand_answersHelp_withItsOwnUsage_andExitZero() {
    for (String command : List.of("run", "check", "sweep", "bench", "report", "data")) {
      CliRun run = CliRun.of(command, "--help");
      assertThat(run.exit()).as(command).isZero();
      assertThat(run.out()).as(command).startsWith("Usage: nnlab " + command);
      assertThat(run.err()).as(command).isEmpty();
    }
  }

  @Test
  void checkGradients_exactRule_passesSilently() {
    CliRun run = CliRun.of("check", CliRun.config("quickstart.yaml"), "--gradients");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).doesNotContain("gradient [");
  }

  @Test
  void checkGradients_stepsTheEngineThatTrains_andNamesIt_atEitherPrecisionAndShape() {
    for (String precision : new String[] {"double", "float"}) {
      for (String layers : new String[] {"[784,100,10]", "[784,10]", "[784,30,20,10]"}) {
        CliRun run = CliRun.of("check", CliRun.config("quickstart.yaml"), "--gradients",
            "--set", "network.precision=" + precision, "--set", "network.layers=" + layers,
            "--set", "network.kernels=scalar");
        assertThat(run.exit()).as(precision + " " + layers + ": " + run.out()).isZero();
        assertThat(run.out()).as(precision + " " + layers)
            .startsWith("quickstart: block engine, " + precision + " precision, scalar kernels")
            .doesNotContain("gradient [");
      }
    }
  }

  @Test
  void checkGradients_bookRule_reportsTheHiddenLayerDeviationAsADeclaredWarning() {
    CliRun run = CliRun.of("check", CliRun.config("quickstart.yaml"), "--gradients", "--set", "training.backprop=book");
    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .containsPattern("gradient \\[warn\\] backprop: book — the update of weights into layer 1 deviates from −α·∂E/∂W by [0-9.]+%")
        .doesNotContain("into layer 2");
  }

  @Test
  void check_malformedYaml_exitsTwo_withFileLineColumn(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "name: x\ndata:\n  train: mnist-sample:train\n  test: [oops\nnetwork: {layers: [784, 10]}\n");
    CliRun run = CliRun.of("check", bad.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("nnlab: " + bad + ":").containsPattern(":\\d+:\\d+: ");
    assertThat(run.err().lines().count()).isEqualTo(1);
  }

  @Test
  void check_unknownKeyInSet_exitsTwo_withSuggestion() {
    CliRun run = CliRun.of("check", CliRun.config("quickstart.yaml"), "--set", "training.learningRat=0.2");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("did you mean 'learningRate'?");
  }

  @Test
  void check_sweepConfig_validatesEveryPoint() {
    CliRun run = CliRun.of("check", CliRun.config("sweeps/learning-rate.yaml"));
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("sweep: 6 point(s), 12 trial(s), every point passes the config rules");
  }

  @Test
  void check_sweepWithABadPoint_exitsTwo_namingThePoint() {
    CliRun run = CliRun.of("check", CliRun.config("sweeps/learning-rate.yaml"), "--set", "sweep.parameters={training.learningRate: [0.1, -1]}");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("1 offending point(s)", "training.learningRate=-1", "learning-rate [error]");
  }

  @Test
  void check_missingFile_exitsTwo() {
    CliRun run = CliRun.of("check", "no/such/config.yaml");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("nnlab: no/such/config.yaml: no such config file\n");
  }

  @Test
  void unknownOption_exitsTwo() {
    assertThat(CliRun.of("check", "--bogus").exit()).isEqualTo(2);
  }
}

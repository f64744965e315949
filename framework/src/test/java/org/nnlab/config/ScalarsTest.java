package org.nnlab.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.rules.RuleBook;
import org.nnlab.sweep.SweepPlan;

class ScalarsTest {
  private static final Path FILE = Path.of("/configs/x.yaml");
  private static final String BASE = ConfigTexts.MINIMAL;

  private final ConfigLoader loader = new ConfigLoader(ConfigLoader.BUILT_IN_RULES);

  private ConfigDocument document(String text) {
    return loader.document(text, FILE);
  }

  private String errorOf(String text) {
    return assertThrows(ConfigException.class, () -> document(text).bind()).getMessage();
  }

  private SweepPlan plan(String values) {
    return SweepPlan.of(document(BASE + "sweep:\n  parameters:\n    network.layers[1]: " + values + "\n"));
  }

  @Test
  void leadingZero_isDecimal_inTheConfigAndInASweepPoint() {
    assertThat(document(BASE.replace("[4, 3, 2]", "[4, 010, 2]")).bind().network().layers())
        .containsExactly(4, 10, 2);
    SweepPlan plan = plan("[010]");

    assertThat(plan.points().get(0).parameters()).containsEntry("network.layers[1]", 10L);
    assertThat(plan.configOf(plan.trials().get(0)).network().layers()).containsExactly(4, 10, 2);
    assertThat(plan.trials().get(0).id()).isEqualTo("{\"network.layers[1]\":10}#0");
  }

  @Test
  void hexAndOctal_areIntegers_inTheConfigAndInASweepPoint() {
    assertThat(document(BASE.replace("[4, 3, 2]", "[0x10, 0o17, 0x1f]") + "seed: 0x7FFFFFFFFFFFFFFF\n").bind())
        .satisfies(c -> assertThat(c.network().layers()).containsExactly(16, 15, 31))
        .satisfies(c -> assertThat(c.seed()).isEqualTo(Long.MAX_VALUE));
    SweepPlan plan = plan("[0x10, 0o17]");

    assertThat(plan.points()).extracting(p -> p.parameters().get("network.layers[1]")).containsExactly(16L, 15L);
    assertThat(plan.configOf(plan.trials().get(1)).network().layers()).containsExactly(4, 15, 2);
  }

  @Test
  void underscoreSeparators_areNotNumbers_andTheMessageSaysHowToWriteOne() {
    assertThat(errorOf(BASE + "training: {epochs: 1_000}\n")).isEqualTo(
        FILE + ":3:20: training.epochs must be an integer, found '1_000'; "
            + "allowed: digits without _ separators (YAML 1.2), e.g. 1000");
    assertThat(errorOf(BASE + "training: {learningRate: 0.000_1}\n")).isEqualTo(
        FILE + ":3:26: training.learningRate must be a number, found '0.000_1'; "
            + "allowed: digits without _ separators (YAML 1.2), e.g. 0.0001");
    SweepPlan plan = plan("[1_000]");

    assertThat(plan.points().get(0).parameters()).containsEntry("network.layers[1]", "1_000");
    assertThatThrownBy(() -> plan.validate(RuleBook.builtIn()))
        .hasMessageContaining("network.layers[1] must be an integer, found '1_000'; "
            + "allowed: digits without _ separators (YAML 1.2), e.g. 1000");
  }

  @Test
  void infinity_whereAFiniteNumberIsNeeded_isRefusedAtItsOwnPosition() {
    assertThat(errorOf(BASE + "training:\n  epochs: 2\n  learningRate: .inf\n")).isEqualTo(
        FILE + ":5:17: training.learningRate must be a finite number, found .inf; "
            + "allowed: finite numbers such as 0.1, -2 or 1e-3");
    assertThat(errorOf(BASE.replace("'mnist-sample:test'}", "'mnist-sample:test', targets: {off: .NaN}}"))).isEqualTo(
        FILE + ":1:79: data.targets.off must be a finite number, found .NaN; "
            + "allowed: finite numbers such as 0.1, -2 or 1e-3");
  }

  @Test
  void tooLargeNumbers_nameTheFieldsRange() {
    assertThat(errorOf(BASE + "training: {epochs: 3000000000}\n")).isEqualTo(
        FILE + ":3:20: training.epochs is too large, found 3000000000; "
            + "allowed: integers from -2147483648 to 2147483647");
    assertThat(errorOf(BASE + "seed: 9223372036854775808\n")).isEqualTo(
        FILE + ":3:7: seed is too large, found 9223372036854775808; "
            + "allowed: integers from -9223372036854775808 to 9223372036854775807");
    assertThat(errorOf(BASE + "training: {learningRate: -1e400}\n")).isEqualTo(
        FILE + ":3:26: training.learningRate is too large, found -1e400; "
            + "allowed: finite numbers such as 0.1, -2 or 1e-3, within ±1.7976931348623157E308");
  }

  @Test
  void setOverride_withInfinity_isRefusedAtTheSet() {
    ConfigDocument d = document(BASE).withOverrides(List.of("training.learningRate=-.inf"));

    assertThatThrownBy(d::bind).hasMessage("--set training.learningRate: training.learningRate must be a "
        + "finite number, found -.inf; allowed: finite numbers such as 0.1, -2 or 1e-3");
  }

  @Test
  void sweepValues_withoutAFiniteJsonForm_areRefusedAtTheirOwnPosition_beforeAnyPoint() {
    String sweep = BASE + "sweep:\n  parameters:\n    training.learningRate: [0.1, .inf]\n"
        + "    network.layers: [[4, .nan, 2]]\n    training.epochs: [99999999999999999999]\n";

    assertThatThrownBy(() -> SweepPlan.of(document(sweep))).hasMessage(String.join("\n",
        FILE + ":5:34: sweep.parameters.training.learningRate[1] must be a finite number, found .inf; "
            + "allowed: finite numbers such as 0.1, -2 or 1e-3",
        FILE + ":6:26: sweep.parameters.network.layers[0][1] must be a finite number, found .nan; "
            + "allowed: finite numbers such as 0.1, -2 or 1e-3",
        FILE + ":7:23: sweep.parameters.training.epochs[0] is too large, found 99999999999999999999; "
            + "allowed: integers from -9223372036854775808 to 9223372036854775807"));
  }

  @Test
  void sweepBlockNumbers_areReadLikeConfigNumbers() {
    String sweep = BASE + """
        sweep:
          strategy: random
          trials: 0x3
          repeats: 002
          parameters:
            training.learningRate: {min: .inf, max: 1, log: yes}
        """;

    assertThatThrownBy(() -> SweepPlan.of(document(sweep))).hasMessage(String.join("\n",
        FILE + ":8:34: sweep.parameters.training.learningRate.min must be a finite number, found .inf; "
            + "allowed: finite numbers such as 0.1, -2 or 1e-3",
        FILE + ":8:53: sweep.parameters.training.learningRate.log must be true or false, found 'yes'; "
            + "allowed: true, false"));
    SweepConfig parsed = SweepPlan.of(document(sweep.replace(".inf", "1e-2").replace("yes", "TRUE"))).sweep();
    assertThat(parsed.trials()).isEqualTo(3);
    assertThat(parsed.repeats()).isEqualTo(2);
    assertThat(parsed.axes()).containsExactly(
        new SweepConfig.Range("training.learningRate", parsed.axes().get(0).position(), 0.01, 1, true, false));
  }
}

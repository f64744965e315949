package org.nnlab.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** data.validation: bound, checked, written back only when set, built in code to the same record and hash. */
class ValidationConfigTest {
  @TempDir Path dir;

  private static final String WITH = """
      data: {train: 'mnist-sample:train', test: 'mnist-sample:test', validation: 1000}
      network: {layers: [784, 10, 10]}
      """;

  private ExperimentConfig load(String name, String text) {
    return ConfigLoader.load(ConfigTexts.write(dir, name, text));
  }

  private String errorOf(String value) {
    Path file = ConfigTexts.write(dir, "v.yaml", WITH.replace("1000", value));
    return assertThrows(ConfigException.class, () -> ConfigLoader.load(file)).getMessage();
  }

  @Test
  void absent_holdsNothingOut_andLeavesTheCanonicalTextAsItWas() {
    ExperimentConfig plain = load("m.yaml", ConfigTexts.MINIMAL);
    assertThat(plain.data().validation()).isZero();
    assertThat(plain.data().hasValidation()).isFalse();
    assertThat(ConfigWriter.toYaml(plain)).doesNotContain("validation");
  }

  @Test
  void set_isBound_writtenBack_andReadBackEqual() {
    ExperimentConfig c = load("w.yaml", WITH);
    assertThat(c.data().validation()).isEqualTo(1000);
    assertThat(ConfigWriter.toYaml(c)).contains("  validation: 1000\n");
    assertThat(load("again.yaml", ConfigWriter.toYaml(c))).isEqualTo(c);
    ExperimentConfig built = ExperimentConfig.builder().name(c.name()).train("mnist-sample:train")
        .test("mnist-sample:test").layers(784, 10, 10).validation(1000).build();
    assertThat(built).isEqualTo(c);
    assertThat(ConfigWriter.sha256(built)).isEqualTo(ConfigWriter.sha256(c))
        .isNotEqualTo(ConfigWriter.sha256(built.withData(new DataConfig(c.data().train(), c.data().test(),
            c.data().inputs(), c.data().targets(), c.data().augment()))));
  }

  @Test
  void belowOne_orNotAnInteger_namesKeyPositionAndWhatIsAllowed() {
    String at = dir.resolve("v.yaml") + ":1:76: ";
    String allowed = "; allowed: a number of training samples to hold out, below the training part's size";
    assertThat(errorOf("0")).isEqualTo(at + "data.validation must be ≥ 1, found 0" + allowed);
    assertThat(errorOf("-5")).isEqualTo(at + "data.validation must be ≥ 1, found -5" + allowed);
    assertThat(errorOf("1.5")).startsWith(at + "data.validation must be an integer");
    assertThat(errorOf("all")).startsWith(at + "data.validation must be an integer");
  }

  @Test
  void builtInCode_withNegativeCount_isRefusedNamingTheKey() {
    ConfigException e = assertThrows(ConfigException.class, () -> ExperimentConfig.builder().name("n")
        .train("mnist-sample:train").test("mnist-sample:test").layers(784, 10, 10).validation(-1).build());
    assertThat(e.getMessage()).isEqualTo("ExperimentConfig.builder(): data.validation must be ≥ 1 training samples "
        + "to hold out (or absent), found -1");
  }
}

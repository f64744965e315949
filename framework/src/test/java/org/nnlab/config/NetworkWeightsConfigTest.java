package org.nnlab.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code network.weights}: bound relative to the config file, written only when set. */
class NetworkWeightsConfigTest {
  @TempDir Path dir;

  @Test
  void load_resolvesWeightsAgainstTheConfigsFolder_andWriterRoundTrips() {
    Path file = ConfigTexts.write(dir, "sub/w.yaml", """
        data: {train: 'mnist-sample:train', test: 'mnist-sample:test'}
        network: {layers: [4, 3, 2], weights: ../npy}
        """);
    ExperimentConfig c = ConfigLoader.load(file);
    assertThat(c.network().startingWeights()).contains(dir.resolve("npy").toAbsolutePath().normalize());
    String yaml = ConfigWriter.toYaml(c);
    assertThat(yaml).contains("  weights: " + dir.resolve("npy").toAbsolutePath().normalize());
    assertThat(ConfigLoader.load(ConfigTexts.write(dir, "again.yaml", yaml))).isEqualTo(c);
  }

  @Test
  void toYaml_withoutWeights_hasNoWeightsKey() {
    ExperimentConfig c = ConfigLoader.load(ConfigTexts.write(dir, "m.yaml", ConfigTexts.MINIMAL));
    assertThat(c.network().startingWeights()).isEmpty();
    assertThat(ConfigWriter.toYaml(c)).doesNotContain("weights");
  }
}

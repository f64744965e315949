package org.nnlab.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigWriterTest {
  @TempDir Path dir;

  @Test
  void toYaml_ofQuickstart_isCanonicalBlockYaml() {
    ExperimentConfig c = ConfigLoader.load(ConfigTexts.write(dir, "q.yaml", ConfigTexts.QUICKSTART));

    assertEquals("""
        name: quickstart
        seed: 7
        data:
          train: mnist-sample:train
          test: mnist-sample:test
          inputs:
            min: 0.02
            max: 0.98
          targets:
            off: 0.05
            on: 0.95
          augment:
            rotate:
            - -10.0
            - 10.0
        network:
          layers:
          - 784
          - 100
          - 10
          activation: sigmoid
          init: normal-fan-in
        training:
          learningRate: 0.3
          epochs: 3
          shuffle: false
          backprop: book
        rules:
          gradient: error
          saturation: off
        """, ConfigWriter.toYaml(c));
  }

  @Test
  void sha256_isStableAndChangesWithTheConfig() {
    ExperimentConfig c = ConfigLoader.load(ConfigTexts.write(dir, "q.yaml", ConfigTexts.QUICKSTART));

    assertTrue(ConfigWriter.sha256(c).matches("sha256:[0-9a-f]{64}"));
    assertEquals(ConfigWriter.sha256(c), ConfigWriter.sha256(ConfigLoader.load(
        ConfigTexts.write(dir, "again.yaml", ConfigWriter.toYaml(c)))));
    assertNotEquals(ConfigWriter.sha256(c), ConfigWriter.sha256(c.withSeed(8)));
  }
}

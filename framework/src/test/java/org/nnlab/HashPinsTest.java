package org.nnlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnlab.config.ConfigNode.Kind;
import org.nnlab.config.ConfigNode.Scalar;
import org.nnlab.config.ConfigWriter;
import org.nnlab.config.InputRange;
import org.nnlab.config.Position;
import org.nnlab.config.Targets;
import org.nnlab.experiment.Provenance;
import org.nnlab.model.Model;
import org.nnlab.model.ModelFile;
import org.nnlab.network.Activation;
import org.nnlab.network.Network;
import org.nnlab.sweep.SweepPoint;
import org.nnlab.sweep.Trial;
import org.nnlab.testsupport.TinyExperiments;

/**
 * Every hash nnlab records, pinned to the value it had when the hashing moved into {@code org.nnlab.io}:
 * config hashes, dataset hashes, weight hashes, model-file checksums and trial seeds are compared
 * across runs and machines, so no refactoring may change one of them.
 */
class HashPinsTest {
  private static final Network NET = Network.of(new int[] {2, 2, 1}, Activation.sigmoid(),
      new double[][] {{0.1, -0.2, 0.3, 0.4}, {0.5, -0.6}});

  @Test
  void configHash_isPinned() {
    assertThat(ConfigWriter.sha256(TinyExperiments.config()))
        .isEqualTo("sha256:49d8f5fa70b04d1292dd176abf7ec19f555f6f2c6c21ee2da50e25d3b57bd45f");
  }

  @Test
  void datasetHash_isPinned() {
    assertThat(TinyExperiments.TRAIN.sha256())
        .isEqualTo("sha256:e1be6c0f62f6d7f1831029a8630bd8162b2eaed8122eabbd08c5971d3eeb641d");
  }

  @Test
  void weightsHash_isPinned() {
    assertThat(Provenance.sha256(NET))
        .isEqualTo("sha256:378c2ec37c21f69e7215afcc0e597df99951be82eaec9bbf7bec01defe4625ab");
  }

  @Test
  void modelFile_bytesAndChecksum_arePinned() {
    Provenance p = new Provenance("sha256:abc", Map.of("train", "sha256:def"), 7, "0.1.0", "17", "Linux", "");
    byte[] file = ModelFile.encode(new Model(NET, new InputRange(0.01, 1.0), new Targets(0.01, 0.99), "name: x\n", p));
    assertThat(HexFormat.of().formatHex(Arrays.copyOfRange(file, file.length - 32, file.length)))
        .as("the checksum at the end of model.nnlab").isEqualTo("1598e061e0a1b864d8b5e5f68bc6460669f9f3708ebcff105801b0b3d7ae724d");
  }

  /** The seeds {@code configs/sweeps/learning-rate.yaml} (seed 42) gives its two α = 0.1 trials. */
  @Test
  void trialSeeds_arePinned() {
    Position at = new Position("sweep.yaml", Path.of("/"), 3, 5);
    SweepPoint p = SweepPoint.EMPTY.with("training.learningRate", new Scalar("0.1", Kind.FLOAT, at));
    assertThat(Trial.of(42, p, 0).seed()).isEqualTo(-5506796463579784600L);
    assertThat(Trial.of(42, p, 1).seed()).isEqualTo(-3747573531514810845L);
    SweepPoint budgeted = p.with("training.epochs", new Scalar("3", Kind.INT, at));
    assertThat(Trial.ofBudgeted(42, budgeted, 0, "training.epochs").seed()).isEqualTo(Trial.of(42, p, 0).seed());
  }
}

package org.nnlab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.config.ConfigWriter;
import org.nnlab.config.InputRange;
import org.nnlab.config.NetworkConfig;
import org.nnlab.config.Severity;
import org.nnlab.config.Targets;
import org.nnlab.testsupport.RandomNetworks;
import org.nnlab.testsupport.SpecialFiles;
import org.nnlab.testsupport.TinyExperiments;

/** Model files and weight folders that are too large, special, edited or not finite: one line each. */
class ModelHostileTest {
  @TempDir Path dir;

  private String errorOf(org.junit.jupiter.api.function.Executable read) {
    return assertThrows(ModelException.class, read).getMessage();
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void hugeFile_isRefusedFromItsFirstBytes_notReadWhole() throws IOException {
    byte[] model = ModelFile.encode(ModelFileProperties.model(new int[] {4, 3, 2}, 1));
    int header = 16 + ByteBuffer.wrap(model).getInt(12);
    Path big = Files.write(dir.resolve("big.nnlab"), java.util.Arrays.copyOf(model, header));
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(3L << 30); // sparse: 3 GB the reader must not read
    }
    assertThat(errorOf(() -> ModelFile.load(big))).isEqualTo(big + ": the header's layers [4, 3, 2] make a file of "
        + model.length + " bytes, but it has 3221225472; not a model file as nnlab writes them");
    Path foreign = dir.resolve("foreign.nnlab");
    try (RandomAccessFile f = new RandomAccessFile(foreign.toFile(), "rw")) {
      f.setLength(3L << 30);
    }
    assertThat(errorOf(() -> ModelFile.load(foreign))).isEqualTo(foreign + ": not an nnlab model file (wrong magic bytes)");
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void specialFiles_areRefusedByKind() {
    Path fifo = SpecialFiles.fifo(dir.resolve("m.nnlab"));
    assertThat(errorOf(() -> ModelFile.load(fifo))).isEqualTo(fifo + " is a FIFO, not a regular file");
    assertThat(errorOf(() -> ModelFile.load(SpecialFiles.devZero())))
        .isEqualTo("/dev/zero is a character device, not a regular file");
    assertThat(errorOf(() -> Npy.read(dir))).isEqualTo(dir + " is a directory, not a regular file");
  }

  @Test
  void settingsThatBreakTheRules_areRefused_unlessTheTrainingConfigTurnedTheRuleOff() {
    Model wrong = model(new InputRange(0.9, 0.1), Targets.DEFAULT, Map.of());
    assertThat(errorOf(() -> readBack(wrong))).isEqualTo("m.nnlab: data.inputs: min 0.9 ≥ max 0.1 leaves no"
        + " range, so every pixel gives the same input; use {min: 0.01, max: 1.0}");
    Model targets = model(InputRange.DEFAULT, new Targets(2, -1), Map.of());
    assertThat(errorOf(() -> readBack(targets))).startsWith("m.nnlab: data.targets.off = 2.0 is not strictly inside");
    Model zeroOff = model(new InputRange(0.0, 1.0), Targets.DEFAULT, Map.of("input-range", Severity.OFF));
    Model back = ModelFile.decode(ModelFile.encode(zeroOff), "m.nnlab");
    assertThat(back.inputs().min()).isEqualTo(0.0);
  }

  @Test
  void headerThatDisagreesWithItsConfig_isRefused() {
    Model m = ModelFileProperties.model(new int[] {4, 3, 2}, 1);
    Model edited = new Model(m.network(), new InputRange(0.02, 0.9), m.targets(), m.config(), m.provenance());
    assertThat(errorOf(() -> readBack(edited))).isEqualTo("m.nnlab: the header's inputs {min: 0.02, max: 0.9}"
        + " differ from its config's {min: 0.01, max: 1.0}; the file was changed after it was written");
  }

  @Test
  void nonFiniteWeights_areRefusedOnImport_namingFileRowAndColumn() throws IOException {
    double[] w = RandomNetworks.network(new int[] {3, 2}, 1).weights(0);
    w[4] = Double.POSITIVE_INFINITY;
    Npy.write(dir.resolve("W1.npy"), Npy.Matrix.of(2, 3, w));
    assertThat(errorOf(() -> WeightsFolder.importModel(dir))).isEqualTo(dir.resolve("W1.npy")
        + " holds Infinity at row 1, column 1; weights must be finite numbers");
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void weightsFolderWithASpecialFile_isRefused_notCutShort() throws IOException {
    Npy.write(dir.resolve("W1.npy"), Npy.Matrix.of(2, 3, new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6}));
    Path fifo = SpecialFiles.fifo(dir.resolve("W2.npy"));
    assertThat(errorOf(() -> WeightsFolder.read(dir))).isEqualTo(fifo + " is a FIFO, not a regular file");
  }

  @Test
  void npyShapes_negativeOrPastTheFile_areOneLine() throws IOException {
    assertThat(errorOf(() -> Npy.read(npy("(-1, 784)", 16)))).endsWith(": shape (-1, 784) has dimension -1;"
        + " allowed: 0 to 268435454");
    assertThat(errorOf(() -> Npy.read(npy("(100000, 784)", 16))))
        .endsWith(": truncated data: shape [100000, 784] needs 627200000 bytes, found 16");
  }

  /** {@code m} written and read back: nnlab writes what it is given and checks it when it reads. */
  private static Model readBack(Model m) {
    return ModelFile.decode(ModelFile.encode(m), "m.nnlab");
  }

  private Path npy(String shape, int dataBytes) throws IOException {
    String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }\n";
    ByteBuffer b = ByteBuffer.allocate(10 + dict.length() + dataBytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) dict.length()).put(dict.getBytes());
    return Files.write(dir.resolve("x.npy"), b.array());
  }

  private static Model model(InputRange inputs, Targets targets, Map<String, Severity> rules) {
    var c = TinyExperiments.config();
    c = new org.nnlab.config.ExperimentConfig(c.name(), c.seed(),
        new org.nnlab.config.DataConfig(c.data().train(), c.data().test(), inputs, targets, null),
        new NetworkConfig(List.of(4, 3, 2), null, null), c.training(), rules);
    Model m = ModelFileProperties.model(new int[] {4, 3, 2}, 1);
    return new Model(m.network(), inputs, targets, ConfigWriter.toYaml(c), m.provenance());
  }
}

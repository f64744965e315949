package org.nnlab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
  @TempDir Path dir;

  @Test
  void save_thenLoad_fromDisk_leavesNoTemporaryFiles() throws IOException {
    Model m = ModelFileProperties.model(new int[] {4, 3, 2}, 1);
    Path file = dir.resolve("model.nnlab");
    ModelFile.save(m, file);
    ModelFile.save(m, file); // overwriting is fine
    assertThat(ModelFile.load(file).network().weights(1)).containsExactly(m.network().weights(1));
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void load_foreignFile_saysItIsNotAModel() throws IOException {
    Path file = Files.writeString(dir.resolve("results.json"), "{\"name\": \"x\"}");
    assertThatThrownBy(() -> ModelFile.load(file)).isInstanceOf(ModelException.class)
        .hasMessage(file + ": not an nnlab model file (wrong magic bytes)");
  }

  @Test
  void load_truncatedFile_saysTruncatedOrCorrupt() throws IOException {
    byte[] bytes = ModelFile.encode(ModelFileProperties.model(new int[] {4, 3, 2}, 1));
    Path file = Files.write(dir.resolve("m.nnlab"), java.util.Arrays.copyOf(bytes, bytes.length - 100));
    assertThatThrownBy(() -> ModelFile.load(file)).isInstanceOf(ModelException.class)
        .hasMessage(file + ": truncated or corrupt model file (SHA-256 mismatch)");
  }

  @Test
  void load_newerVersion_isRefusedByName() {
    byte[] bytes = ModelFile.encode(ModelFileProperties.model(new int[] {2, 2}, 1));
    ByteBuffer.wrap(bytes).putInt(8, 2);
    assertThatThrownBy(() -> ModelFile.decode(bytes, "m")).isInstanceOf(ModelException.class)
        .hasMessage("m: model format version 2 is not supported; this nnlab reads version 1");
  }

  @Test
  void load_missingFile_isAModelException() {
    assertThatThrownBy(() -> ModelFile.load(dir.resolve("none.nnlab"))).isInstanceOf(ModelException.class)
        .hasMessageEndingWith("none.nnlab: no such model file");
  }
}

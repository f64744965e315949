package org.nnlab.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.io.JvmMemory;
import org.nnlab.testsupport.SpecialFiles;

/**
 * Configs as a hostile user writes them: special files as the config or its base, a base that is
 * any file, sizes and counts past what the machine can do, overrides whose errors must point at the
 * {@code --set}. Each is one line naming where and what.
 */
class HostileConfigTest {
  @TempDir Path dir;

  private String errorOf(Path file, String... sets) {
    return assertThrows(ConfigException.class, () -> ConfigLoader.load(file, List.of(sets))).getMessage();
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void fifoOrDeviceAsConfigOrBase_isRefusedByKind_withoutBlocking() {
    Path fifo = SpecialFiles.fifo(dir.resolve("base.yaml"));
    assertThat(errorOf(fifo)).isEqualTo(fifo + " is a FIFO, not a regular file");
    Path child = ConfigTexts.write(dir, "child.yaml", "extends: base.yaml\nname: c\n");
    assertThat(errorOf(child)).isEqualTo(child + ":1:10: " + fifo + " is a FIFO, not a regular file");
    Path zero = ConfigTexts.write(dir, "zero.yaml", "extends: " + SpecialFiles.devZero() + "\n");
    assertThat(errorOf(zero)).isEqualTo(zero + ":1:10: /dev/zero is a character device, not a regular file");
    assertThat(errorOf(dir)).isEqualTo(dir + " is a directory, not a regular file");
  }

  @Test
  void anyFileAsBase_isNotPrinted() {
    Path secret = ConfigTexts.write(dir, "secret", "root:x:0:0:root:/root:/bin/bash\nuser:token-0123456789:1000\n");
    Path child = ConfigTexts.write(dir, "c.yaml", "extends: secret\n");
    String message = errorOf(child);
    assertThat(message).isEqualTo(secret + ":1:1: the document must be a map, found text of 58 characters;"
        + " allowed: a map with data and network");
  }

  @Test
  void tooLargeOrBinaryConfig_isOneLineWithoutItsBytes() throws Exception {
    Path big = Files.write(dir.resolve("big.yaml"), new byte[5 << 20]);
    assertThat(errorOf(big)).isEqualTo(big + ": a config may hold at most 4,194,304 bytes (4.2 MB), found more");
    Path binary = ConfigTexts.write(dir, "bin.yaml", "name: x\u0000\u001b[31mred\n");
    assertThat(errorOf(binary)).isEqualTo(binary + ": character 8 is U+0000, which YAML does not allow;"
        + " allowed: printable UTF-8 text");
    Path quoted = ConfigTexts.write(dir, "q.yaml", ConfigTexts.MINIMAL + "name: \"a\\e[2J\\0b\"\n");
    assertThat(errorOf(quoted)).startsWith(quoted + ":3:7: name ").doesNotContain("\u001b", "\u0000");
  }

  @Test
  void setErrors_pointAtTheSet_notAtTheBaseFilesLine() {
    Path q = ConfigTexts.write(dir, "q.yaml", ConfigTexts.QUICKSTART);
    assertThat(errorOf(q, "network.layers[1]=0"))
        .isEqualTo("--set network.layers[1]: network.layers[1] must be ≥ 1, found 0");
    assertThat(errorOf(q, "data.inputs.min=.nan"))
        .startsWith("--set data.inputs.min: data.inputs.min must be a finite number, found .nan");
    assertThat(errorOf(q, "training.batchSize=100000"))
        .isEqualTo("--set training.batchSize: training.batchSize must be at most 65536, found 100000");
    // an error in the file itself still points at the file's line
    Path bad = ConfigTexts.write(dir, "b.yaml", ConfigTexts.MINIMAL.replace("[4, 3, 2]", "[4, 0, 2]"));
    assertThat(errorOf(bad)).isEqualTo(bad + ":2:23: network.layers[1] must be ≥ 1, found 0");
  }

  @Test
  void layersPastOneArray_areRefusedWhenBound_withExactCounts() {
    Path q = ConfigTexts.write(dir, "q.yaml", ConfigTexts.MINIMAL);
    assertThat(errorOf(q, "network.layers=[784,100000,100000,10]")).isEqualTo("--set network.layers: "
        + "network.layers [784, 100000, 100000, 10]: 10,079,400,000 weights need 80.6 GB;"
        + " W2 alone would hold 10,000,000,000, more than one weight matrix can (2,147,483,639)");
    assertThat(errorOf(q, "network.layers=[784,46341,46341,10]")).isEqualTo("--set network.layers: "
        + "network.layers [784, 46341, 46341, 10]: 2,184,283,035 weights need 17.5 GB;"
        + " W2 alone would hold 2,147,488,281, more than one weight matrix can (2,147,483,639)");
  }

  @Test
  void layersPastTheHeap_areRefusedBeforeAnythingIsAllocated() {
    ExperimentConfig c = ConfigLoader.load(ConfigTexts.write(dir, "q.yaml", ConfigTexts.MINIMAL),
        List.of("network.layers=[784,40000,40000,10]"));
    long need = NetworkSize.bytesToTrain(c.network(), 1);
    org.junit.jupiter.api.Assumptions.assumeTrue(need > JvmMemory.maxBytes(), "this JVM's heap holds 39 GB");
    assertThatThrownBy(() -> NetworkSize.requireFits(c)).isInstanceOf(ConfigException.class)
        .hasMessage("network.layers [784, 40000, 40000, 10]: 1,631,760,000 weights need 13.1 GB"
            + " (×3 copies while training: 39.2 GB); " + JvmMemory.budget());
    assertThatThrownBy(() -> NetworkSize.requireFits(c.network(), 2)).hasMessageContaining(
        "(×4 copies while training, with batches of 2: 52.2 GB)");
  }

  @Test
  void countsAUserTypes_haveMaxima_andOneLine() {
    Path q = ConfigTexts.write(dir, "q.yaml", ConfigTexts.MINIMAL);
    assertThat(errorOf(q, "training.epochs=2000000000"))
        .isEqualTo("--set training.epochs: training.epochs must be at most 10000, found 2000000000");
    assertThat(errorOf(q, "data.augment.rotate=[" + "1,".repeat(400) + "1]"))
        .isEqualTo("--set data.augment.rotate: data.augment.rotate may list at most 360 angles, found 401");
  }
}

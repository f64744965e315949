package org.nnlab.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.network.Activation;
import org.nnlab.network.Backprop;
import org.nnlab.network.Initializer;

class ConfigLoaderTest {
  @TempDir Path dir;

  private String errorOf(String text) {
    Path file = ConfigTexts.write(dir, "x.yaml", text);
    return assertThrows(ConfigException.class, () -> ConfigLoader.load(file)).getMessage();
  }

  private String at(int line, int column) {
    return dir.resolve("x.yaml") + ":" + line + ":" + column + ": ";
  }

  @Test
  void load_quickstart_bindsEveryValue() {
    ExperimentConfig c = ConfigLoader.load(ConfigTexts.write(dir, "q.yaml", ConfigTexts.QUICKSTART));

    assertEquals("quickstart", c.name());
    assertEquals(7, c.seed());
    assertEquals(new DataSource.Named("mnist-sample", "train"), c.data().train());
    assertEquals(new DataSource.Named("mnist-sample", "test"), c.data().test());
    assertEquals(new InputRange(0.02, 0.98), c.data().inputs());
    assertEquals(new Targets(0.05, 0.95), c.data().targets());
    assertEquals(new Augment(List.of(-10.0, 10.0)), c.data().augment());
    assertEquals(new NetworkConfig(List.of(784, 100, 10), Activation.sigmoid(), Initializer.normalFanIn()),
        c.network());
    assertEquals(new TrainingConfig(0.3, 3, false, Backprop.BOOK), c.training());
    assertEquals(Map.of("saturation", Severity.OFF, "gradient", Severity.ERROR), c.rules());
  }

  @Test
  void load_minimal_takesDefaultsAndFileBaseName() {
    ExperimentConfig c = ConfigLoader.load(ConfigTexts.write(dir, "tiny-net.yml", ConfigTexts.MINIMAL));

    assertEquals("tiny-net", c.name());
    assertEquals(42, c.seed());
    assertEquals(InputRange.DEFAULT, c.data().inputs());
    assertEquals(Targets.DEFAULT, c.data().targets());
    assertTrue(c.data().augment().isNone());
    assertEquals(Initializer.normalFanIn(), c.network().init());
    assertEquals(TrainingConfig.DEFAULT, c.training());
    assertEquals(Map.of(), c.rules());
  }

  @Test
  void load_withFileSources_resolvesPathsAgainstTheFilesFolder() {
    Path file = ConfigTexts.write(dir, "sub/x.yaml", """
        data:
          train: {format: idx, images: ../data/train-images.gz, labels: /abs/labels}
          test: {format: csv, file: test.csv}
        network: {layers: [2, 2], init: {normal: {sigma: 0.05}}}
        """);

    ExperimentConfig c = ConfigLoader.load(file);

    Path folder = dir.resolve("sub").toAbsolutePath();
    assertEquals(new DataSource.Idx(folder.resolve("../data/train-images.gz").normalize(), Path.of("/abs/labels")),
        c.data().train());
    assertEquals(new DataSource.Csv(folder.resolve("test.csv")), c.data().test());
    assertEquals(Initializer.normal(0.05), c.network().init());
  }

  @Test
  void load_withImagesSourceAndConstantInit_bindsThem() {
    ExperimentConfig c = ConfigLoader.load(ConfigTexts.write(dir, "x.yaml", """
        data: {train: {format: images, dir: pngs}, test: 'mnist:test'}
        network: {layers: [2, 2], init: {constant: 0.5}}
        """));

    assertEquals(new DataSource.Images(dir.resolve("pngs").toAbsolutePath()), c.data().train());
    assertEquals(Initializer.constant(0.5), c.network().init());
  }

  @Test
  void load_precisionAndBatchSize_areBoundAndWrittenBackOnlyWhenOptedIn() {
    ExperimentConfig plain = ConfigLoader.load(ConfigTexts.write(dir, "m.yaml", ConfigTexts.MINIMAL));
    assertEquals(org.nnlab.network.Precision.DOUBLE, plain.network().precision());
    assertEquals(1, plain.training().batchSize());
    assertFalse(ConfigWriter.toYaml(plain).contains("precision"));
    assertFalse(ConfigWriter.toYaml(plain).contains("batchSize"));
    ExperimentConfig c = ConfigLoader.load(ConfigTexts.write(dir, "f.yaml", """
        data: {train: 'mnist-sample:train', test: 'mnist-sample:test'}
        network: {layers: [4, 3, 2], precision: float}
        training: {batchSize: 8}
        """));
    assertEquals(org.nnlab.network.Precision.FLOAT, c.network().precision());
    assertEquals(8, c.training().batchSize());
    ExperimentConfig again = ConfigLoader.load(ConfigTexts.write(dir, "g.yaml", ConfigWriter.toYaml(c)));
    assertEquals(c.network(), again.network());
    assertEquals(c.training(), again.training());
  }

  @Test
  void load_kernels_defaultAuto_boundAndWrittenBackOnlyWhenChosen() {
    ExperimentConfig plain = ConfigLoader.load(ConfigTexts.write(dir, "m.yaml", ConfigTexts.MINIMAL));
    assertEquals(org.nnlab.network.KernelChoice.AUTO, plain.network().kernels());
    assertFalse(ConfigWriter.toYaml(plain).contains("kernels"));
    ExperimentConfig c = ConfigLoader.load(ConfigTexts.write(dir, "k.yaml", """
        data: {train: 'mnist-sample:train', test: 'mnist-sample:test'}
        network: {layers: [4, 3, 2], kernels: scalar}
        """));
    assertEquals(org.nnlab.network.KernelChoice.SCALAR, c.network().kernels());
    assertEquals(new org.nnlab.network.EngineOptions(org.nnlab.network.Precision.DOUBLE,
        org.nnlab.network.KernelChoice.SCALAR), c.network().engine());
    ExperimentConfig again = ConfigLoader.load(ConfigTexts.write(dir, "l.yaml", ConfigWriter.toYaml(c)));
    assertEquals(c.network(), again.network());
  }

  @Test
  void load_unknownKernels_namesKeyPositionAndTheAllowedValues() {
    Path file = ConfigTexts.write(dir, "u.yaml", """
        data: {train: 'mnist-sample:train', test: 'mnist-sample:test'}
        network:
          layers: [4, 3, 2]
          kernels: simd
        """);
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
    assertTrue(e.getMessage().contains("u.yaml:4:12: network.kernels"), e.getMessage());
    assertTrue(e.getMessage().contains("unknown kernels 'simd'; allowed: auto, vector, scalar"), e.getMessage());
  }

  @Test
  void load_nameThatIsAPath_isRefusedAtItsPosition_sayingWhatIsAllowed() {
    String allowed = "; allowed: 1 to 100 letters, digits, '.', '_' or '-', not starting with '.'";
    assertEquals(at(1, 7) + "name must be a safe folder name, found '..'" + allowed,
        errorOf("name: \"..\"\n" + ConfigTexts.MINIMAL));
    assertEquals(at(1, 7) + "name must be a safe folder name, found '.'" + allowed, errorOf("name: .\n" + ConfigTexts.MINIMAL));
    assertEquals(at(3, 7) + "name must be a safe folder name, found '../../etc'" + allowed,
        errorOf(ConfigTexts.MINIMAL + "name: ../../etc\n"));
    assertEquals(at(1, 7) + "name is 10000 characters long, found 'aaaaaaaaaaaaaaaaaaaa…'" + allowed,
        errorOf("name: " + "a".repeat(10_000) + "\n" + ConfigTexts.MINIMAL));
    Path file = ConfigTexts.write(dir, "ok.yaml", "name: " + "a".repeat(100) + "\n" + ConfigTexts.MINIMAL);
    assertEquals("a".repeat(100), ConfigLoader.load(file).name());
  }

  @Test
  void load_batchSizeZero_namesKeyAndPosition() {
    Path file = ConfigTexts.write(dir, "b.yaml", """
        data: {train: 'mnist-sample:train', test: 'mnist-sample:test'}
        network: {layers: [4, 3, 2]}
        training:
          batchSize: 0
        """);
    ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
    assertTrue(e.getMessage().contains("b.yaml:4:14: training.batchSize must be ≥ 1, found 0"), e.getMessage());
  }

  @Test
  void load_withUnknownKey_suggestsClosestKey() {
    String message = errorOf(ConfigTexts.MINIMAL + "training:\n  epochs: 2\n  learningrate: 0.1\n");

    assertEquals(at(5, 3) + "training.learningrate is not a known key; did you mean 'learningRate'?"
        + "; allowed: learningRate, epochs, shuffle, backprop, batchSize, schedule, weightDecay", message);
  }

  @Test
  void load_withUnknownTopLevelKey_listsAllowedKeys() {
    String message = errorOf(ConfigTexts.MINIMAL + "netwrk: {}\n");

    assertTrue(message.startsWith(at(3, 1) + "netwrk is not a known key; did you mean 'network'?"), message);
  }

  @Test
  void load_withTextForNumber_namesKeyAndValue() {
    String message = errorOf(ConfigTexts.MINIMAL + "training:\n  learningRate: fast\n");

    assertEquals(at(4, 17) + "training.learningRate must be a number, found 'fast'", message);
  }

  @Test
  void load_withWrongTypes_namesWhatIsAllowed() {
    assertEquals(at(3, 21) + "training.shuffle must be true or false, found 'yes'; allowed: true, false",
        errorOf(ConfigTexts.MINIMAL + "training: {shuffle: yes}\n"));
    assertEquals(at(2, 23) + "network.layers[1] must be an integer, found 1.5",
        errorOf(ConfigTexts.MINIMAL.replace("[4, 3, 2]", "[4, 1.5, 2]")));
    assertEquals(at(3, 7) + "seed must be an integer, found a list",
        errorOf(ConfigTexts.MINIMAL + "seed: [1]\n"));
    assertEquals(at(3, 11) + "network.layers must be a list, found 784",
        errorOf("data: {train: 'a:b', test: 'a:c'}\nnetwork:\n  layers: 784\n"));
  }

  @Test
  void load_withoutRequiredKeys_namesThem() {
    assertEquals(at(1, 7) + "data.train is required but missing",
        errorOf("data: {test: 'mnist:test'}\nnetwork: {layers: [1, 1]}\n"));
    assertEquals(at(1, 1) + "network is required but missing",
        errorOf("data: {train: 'a:b', test: 'a:c'}\n"));
    assertEquals(at(2, 10) + "network.layers is required but missing",
        errorOf("data: {train: 'a:b', test: 'a:c'}\nnetwork: {activation: sigmoid}\n"));
  }

  @Test
  void load_withMalformedYaml_givesSnakeYamlsProblemAtItsPosition() {
    String message = errorOf("data:\n  train: [a, b\nnetwork: {}\n");

    assertTrue(message.startsWith(at(3, 8) + "expected ',' or ']'"), message);
  }

  @Test
  void load_withRecordRejectingValue_wrapsItsMessageWithPosition() {
    assertEquals(at(3, 20) + "training.epochs must be ≥ 1, found 0",
        errorOf(ConfigTexts.MINIMAL + "training: {epochs: 0}\n"));
    assertEquals(at(2, 19) + "network.layers needs at least 2 layers (inputs and outputs), found 1",
        errorOf(ConfigTexts.MINIMAL.replace("[4, 3, 2]", "[4]")));
    assertEquals(at(2, 53) + "network.init.normal.sigma: normal sigma must be > 0, found -1.0",
        errorOf(ConfigTexts.MINIMAL.replace("[4, 3, 2]}", "[4, 3, 2], init: {normal: {sigma: -1}}}")));
  }

  @Test
  void load_withBadEnumValues_listsAllowedValues() {
    assertEquals(at(4, 15) + "network.activation: unknown activation 'relu'; allowed: sigmoid",
        errorOf("data: {train: 'a:b', test: 'a:c'}\nnetwork:\n  layers: [1, 1]\n  activation: relu\n"));
    assertTrue(errorOf(ConfigTexts.MINIMAL + "rules: {saturaton: warn}\n")
        .startsWith(at(3, 9) + "rules.saturaton is not a known key; did you mean 'saturation'?; allowed: input-range,"));
    assertEquals(at(3, 21) + "rules.saturation: unknown severity 'warning'; allowed: error, warn, off",
        errorOf(ConfigTexts.MINIMAL + "rules: {saturation: warning}\n"));
    assertTrue(errorOf(ConfigTexts.MINIMAL.replace("[4, 3, 2]}", "[4, 3, 2], init: normal-fanin}"))
        .contains("network.init is not a known initializer; did you mean 'normal-fan-in'?"));
  }

  @Test
  void load_withMalformedNamedSource_saysWhatIsAllowed() {
    String message = errorOf("data: {train: data/train.csv, test: 'a:b'}\nnetwork: {layers: [1, 1]}\n");

    assertTrue(message.startsWith(at(1, 15) + "data.train must be NAME:PART or a map with format: idx, csv or images,"
        + " found 'data/train.csv'; allowed: NAME:PART"), message);
  }

  @Test
  void load_withDuplicateKey_pointsAtTheSecond() {
    assertEquals(at(4, 1) + "seed is given twice; allowed: each key once",
        errorOf(ConfigTexts.MINIMAL + "seed: 1\nseed: 2\n"));
    assertEquals(at(2, 30) + "network.layers is given twice; allowed: each key once",
        errorOf(ConfigTexts.MINIMAL.replace("[4, 3, 2]}", "[4, 3, 2], layers: [1, 1]}")));
  }

  @Test
  void load_withJavaTag_isRejected() {
    String message = errorOf(ConfigTexts.MINIMAL + "name: !!java.net.URL [\"http://example.com\"]\n");

    // SnakeYAML's own tag inspector refuses global tags before our check sees them
    assertEquals(at(3, 7) + "Global tag is not allowed: tag:yaml.org,2002:java.net.URL", message);
  }

  @Test
  void load_withLocalTag_isRejected() {
    String message = errorOf(ConfigTexts.MINIMAL + "seed: !foo 3\n");

    assertTrue(message.startsWith(at(3, 7) + "seed has a type tag, found '!foo'"), message);
  }

  @Test
  void load_withAliasBomb_isRejected() {
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'z'; c++) {
      char p = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p)
          .append(", *").append(p).append(", *").append(p).append("]\n");
    }
    String message = errorOf(bomb.toString());

    assertTrue(message.startsWith(dir.resolve("x.yaml") + ": Number of aliases"), message);
  }

  @Test
  void load_withRecursiveAlias_isRejected() {
    String message = errorOf(ConfigTexts.MINIMAL + "sweep: &s {again: *s}\n");

    assertTrue(message.contains("refers to itself through an alias"), message);
  }

  @Test
  void load_withTooDeepNesting_isRejected() {
    String message = errorOf("a: " + "[".repeat(200) + "]".repeat(200) + "\n");

    assertTrue(message.startsWith(dir.resolve("x.yaml") + ": Nesting Depth exceeded"), message);
  }

  @Test
  void load_ofTextPastTheCodePointLimit_isRejected() {
    String message = errorOf("# " + "x".repeat(YamlSyntax.MAX_CODE_POINTS) + "\n");

    assertEquals(dir.resolve("x.yaml") + ": the text is too long, found 1048579 code points;"
        + " allowed: up to 1048576 (1 MiB)", message);
  }

  @Test
  void load_ofMissingFileOrEmptyFile_saysSo() {
    Path missing = dir.resolve("none.yaml");
    assertEquals(missing + ": file not found, found '" + missing + "'",
        assertThrows(ConfigException.class, () -> ConfigLoader.load(missing)).getMessage());
    assertEquals(dir.resolve("x.yaml") + ": the file is empty; allowed: a map with data and network",
        errorOf("# nothing\n"));
    assertEquals(at(1, 1) + "the document must be a map, found a list; allowed: a map with data and network",
        errorOf("- 1\n"));
  }

  @Test
  void load_withCustomRuleIds_acceptsOnlyThose() {
    Path file = ConfigTexts.write(dir, "x.yaml", ConfigTexts.MINIMAL + "rules: {my-rule: warn}\n");

    assertEquals(Map.of("my-rule", Severity.WARN), new ConfigLoader(java.util.Set.of("my-rule"))
        .read(file, List.of()).rules());
    assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
  }
}

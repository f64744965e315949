package org.nnlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.testsupport.IdxBytes;
import org.nnlab.testsupport.TinyIdxSet;

class DatasetsTest {
  @TempDir Path tmp;

  @Test
  void open_idxFolder_givesTrainAndTest() {
    TinyIdxSet.plain().forEach((f, b) -> IdxBytes.write(tmp.resolve(f + ".gz"), IdxBytes.gzip(b)));

    List<Dataset> parts = Datasets.open(tmp);

    assertEquals(List.of(3, 2), parts.stream().map(Dataset::size).toList());
    assertEquals(tmp.resolve("train").toString(), parts.get(0).name());
  }

  @Test
  void open_idxLabelFile_findsItsImageFile() {
    TinyIdxSet.plain().forEach((f, b) -> IdxBytes.write(tmp.resolve(f), b));

    Dataset d = Datasets.open(tmp.resolve("t10k-labels-idx1-ubyte")).get(0);

    assertEquals(2, d.size());
    assertEquals(7, d.label(0));
  }

  @Test
  void open_idxWithoutPartner_saysWhereItLooked() {
    Path images = IdxBytes.write(tmp.resolve("x-images-idx3-ubyte"), IdxBytes.images(1, 1, 1, new byte[1]));
    DataException e = assertThrows(DataException.class, () -> Datasets.open(images));
    assertEquals(images + ": an IDX image file needs its label file; expected it at "
        + tmp.resolve("x-labels-idx1-ubyte"), e.getMessage());
  }

  @Test
  void open_csvAndPng_byContent() throws IOException {
    Path csv = IdxBytes.write(tmp.resolve("data.txt"), "1,0,0,0,9\n".getBytes(StandardCharsets.US_ASCII));
    Path png = ImageFilesTest.picture(tmp.resolve("p.png"), 28, Color.WHITE, Color.BLACK, "png");

    assertEquals(4, Datasets.open(csv).get(0).features());
    assertEquals(784, Datasets.open(png).get(0).features());
  }

  @Test
  void resolve_namedDataset_loadsEachPart() {
    List<Dataset> parts = Datasets.resolve(new DefaultDatasetLoader(tmp), "mnist-sample");
    assertEquals(List.of("mnist-sample:train", "mnist-sample:test"), parts.stream().map(Dataset::name).toList());
    assertEquals(1, Datasets.resolve(new DefaultDatasetLoader(tmp), "mnist-sample:test").size());
  }

  @Test
  void info_formatsCountsShapeHistogramAndHash() {
    ByteDataset d = ByteDataset.of("tiny", 1, 2, 3, new byte[] {0, 1, 2, 3, 4, 5}, new byte[] {2, 0, 2});

    assertEquals("tiny\n  samples: 3\n  shape:   1×2 = 2 inputs\n  classes: 3\n  labels:  0:1 1:0 2:2\n"
        + "  sha256:  " + d.sha256() + "\n", DatasetInfo.of(d).format());
  }
}

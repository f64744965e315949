package org.nnlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Arrays;
import org.nnlab.testsupport.IdxBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
  @TempDir Path tmp;

  private static final byte[] PIXELS = {1, 2, 3, 4, 5, 6, 7, 8};

  private static String imagesError(byte[] file) {
    return assertThrows(DataException.class,
        () -> IdxReader.readImages(new ByteArrayInputStream(file), "f.idx")).getMessage();
  }

  @Test
  void readImages_validFile_givesShapeAndPixels() {
    IdxReader.Images im = IdxReader.readImages(
        new ByteArrayInputStream(IdxBytes.images(2, 2, 2, PIXELS)), "f.idx");
    assertEquals(2, im.count());
    assertEquals(2, im.rows());
    assertEquals(2, im.cols());
    assertEquals(8, im.pixels()[7]);
  }

  @Test
  void readImages_wrongMagic_namesOffsetAndExpectedMagic() {
    byte[] file = IdxBytes.images(2, 2, 2, PIXELS);
    file[0] = 0x50;
    assertEquals("f.idx: byte offset 0: not an IDX file: expected magic 0x00000803"
        + " (idx3 unsigned-byte images), found 0x50000803", imagesError(file));
  }

  @Test
  void readImages_hugeDimensions_areABadHeaderNotAnOverflow() {
    // 65536 × 32768 = 2^31 bytes per image overflows an int; with 0 images the file has no pixels
    byte[] zeroImages = IdxBytes.images(0, 65536, 32768, new byte[0]);
    assertEquals("f.idx: byte offset 4: 0 images of 65536×32768 = 0 bytes (2147483648 per image)"
        + " exceed what one dataset holds (2^31 − 9)", imagesError(zeroImages));
    byte[] tooMany = IdxBytes.images(3, 46341, 46341, new byte[0]);
    assertEquals("f.idx: byte offset 4: 3 images of 46341×46341 = 6442464843 bytes (2147488281 per image)"
        + " exceed what one dataset holds (2^31 − 9)", imagesError(tooMany));
  }

  @Test
  void readImages_labelFile_saysItLooksLikeLabels() {
    assertEquals("f.idx: byte offset 3: expected 3 dimensions (images × rows × cols), found 1;"
        + " this looks like a label file", imagesError(IdxBytes.labels(new byte[] {1, 2})));
  }

  @Test
  void readImages_truncated_namesTheImageItEndsIn() {
    byte[] file = Arrays.copyOf(IdxBytes.images(2, 2, 2, PIXELS), 16 + 5);
    assertEquals("f.idx: byte offset 21: truncated: the header declares 2 images of 4 bytes"
        + " (24 bytes in all), the data ends inside image 1", imagesError(file));
  }

  @Test
  void readImages_truncatedHeader_saysSo() {
    assertEquals("f.idx: byte offset 6: truncated: the file ends inside the header, reading image count",
        imagesError(Arrays.copyOf(IdxBytes.images(2, 2, 2, PIXELS), 6)));
  }

  @Test
  void readImages_trailingData_isAnError() {
    byte[] file = Arrays.copyOf(IdxBytes.images(2, 2, 2, PIXELS), 25);
    assertEquals("f.idx: byte offset 24: unexpected data after the 2 images the header declares;"
        + " the file should end here", imagesError(file));
  }

  @Test
  void readImages_otherElementType_namesIt() {
    byte[] file = IdxBytes.images(2, 2, 2, PIXELS);
    file[2] = 0x0D;
    assertEquals("f.idx: byte offset 2: expected idx3 unsigned-byte images (magic 0x00000803),"
        + " found element type 0x0D (float32)", imagesError(file));
  }

  @Test
  void readLabels_qmnistStyleIntLabels_takeTheFirstColumn() {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(12 + 2 * 2 * 4);
    b.putInt(0x00000C02).putInt(2).putInt(2).putInt(7).putInt(1234).putInt(3).putInt(99);
    byte[] labels = IdxReader.readLabels(new ByteArrayInputStream(b.array()), "q.idx");
    assertEquals(7, labels[0]);
    assertEquals(3, labels[1]);
  }

  @Test
  void read_countMismatch_namesBothFiles() {
    Path images = IdxBytes.write(tmp.resolve("im"), IdxBytes.images(2, 2, 2, PIXELS));
    Path labels = IdxBytes.write(tmp.resolve("lb"), IdxBytes.labels(new byte[] {1, 2, 3}));
    DataException e = assertThrows(DataException.class, () -> IdxReader.read(images, labels, "x"));
    assertEquals(images + " holds 2 images but " + labels + " holds 3 labels;"
        + " an image file and its label file must have equal counts", e.getMessage());
  }

  @Test
  void read_corruptGzip_isADataException() {
    byte[] gz = IdxBytes.gzip(IdxBytes.images(2, 2, 2, PIXELS));
    Path file = IdxBytes.write(tmp.resolve("im.gz"), Arrays.copyOf(gz, gz.length - 12));
    Path labels = IdxBytes.write(tmp.resolve("lb"), IdxBytes.labels(new byte[] {1, 2}));
    DataException e = assertThrows(DataException.class, () -> IdxReader.read(file, labels, "x"));
    assertEquals(true, e.getMessage().startsWith(file + ": "), e.getMessage());
  }

  @Test
  void read_missingFile_saysNoSuchFile() {
    Path file = tmp.resolve("absent");
    DataException e = assertThrows(DataException.class, () -> IdxReader.read(file, file, "x"));
    assertEquals(file + ": no such file", e.getMessage());
  }

  @Test
  void combine_labelOutsideDeclaredClasses_namesRecordAndRange() {
    IdxReader.Images im = new IdxReader.Images(2, 2, 2, PIXELS);
    DataException e = assertThrows(DataException.class,
        () -> IdxReader.combine(im, new byte[] {3, 12}, "x", "im", "lb", 10));
    assertEquals("lb: label 12 of record 1 lies outside the 10 classes 0–9 this dataset declares", e.getMessage());
  }
}

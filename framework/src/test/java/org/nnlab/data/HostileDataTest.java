package org.nnlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.config.DataSource;
import org.nnlab.testsupport.EndlessStream;
import org.nnlab.testsupport.IdxBytes;
import org.nnlab.testsupport.SpecialFiles;

/**
 * Data files as a hostile user feeds them: special files, a byte-order mark, a line without end, an
 * image whose header declares a billion pixels, an IDX header that promises more than the file
 * holds. Each reads correctly or is one line, before memory or time runs out.
 */
class HostileDataTest {
  @TempDir Path dir;

  private final DefaultDatasetLoader loader = new DefaultDatasetLoader(Path.of("unused"));

  private String errorOf(org.junit.jupiter.api.function.Executable read) {
    return assertThrows(DataException.class, read).getMessage();
  }

  @Test
  void csvWithByteOrderMark_keepsItsFirstSample_withOrWithoutHeader() throws IOException {
    Path plain = Files.write(dir.resolve("a.csv"), bytes("\uFEFF5,0,1,2,3\n3,4,5,6,7\n"));
    ByteDataset d = CsvReader.read(plain, "a");
    assertThat(d.size()).isEqualTo(2);
    assertThat(d.label(0)).isEqualTo(5);
    Path headed = Files.write(dir.resolve("b.csv"), bytes("\uFEFFlabel,a,b,c,d\n5,0,1,2,3\n"));
    assertThat(CsvReader.read(headed, "b").size()).isEqualTo(1);
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void csvLineWithoutEnd_isRefusedAtTheCap_notReadToTheEnd() {
    InputStream endless = new EndlessStream("1,");
    assertThat(errorOf(() -> CsvReader.read(endless, "one-line.csv", "x"))).isEqualTo("one-line.csv:1: the line is"
        + " longer than 4,194,304 bytes; expected label,p1,…,pN (28×28 pixels take about 3 kB), one sample per line");
  }

  @Test
  void csvWithBinaryField_quotesItEscaped() throws IOException {
    Path f = Files.write(dir.resolve("c.csv"), bytes("5,0,0,0,0\n3,0,\u0000\u001b[2J,0,1\n"));
    assertThat(errorOf(() -> CsvReader.read(f, "c")))
        .isEqualTo(f + ":2: field 3 (pixel 2): expected an integer 0–255, found '\\x00\\x1b[2J'");
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void specialFilesAsData_areRefusedByKind() {
    Path fifo = SpecialFiles.fifo(dir.resolve("train.csv"));
    assertThat(errorOf(() -> loader.load(new DataSource.Csv(fifo)))).isEqualTo(fifo + " is a FIFO, not a regular file");
    Path zero = SpecialFiles.devZero();
    assertThat(errorOf(() -> loader.load(new DataSource.Csv(zero))))
        .isEqualTo("/dev/zero is a character device, not a regular file");
    assertThat(errorOf(() -> loader.load(new DataSource.Idx(zero, zero))))
        .isEqualTo("/dev/zero is a character device, not a regular file");
  }

  @Test
  void idxHeaderPromisingMoreThanThePlainFile_isRefusedBeforeReading() throws IOException {
    byte[] header = ByteBuffer.allocate(16).putInt(0x00000803).putInt(60_000).putInt(28).putInt(28).array();
    Path images = Files.write(dir.resolve("i"), header);
    Path labels = Files.write(dir.resolve("l"), IdxBytes.labels(new byte[] {1}));
    assertThat(errorOf(() -> IdxReader.read(images, labels, "x"))).isEqualTo(images + ": byte offset 16: truncated:"
        + " the header declares 60000 images of 784 bytes (47040016 bytes in all), the data ends inside image 0");
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void pictureDeclaringHugeSize_isRefusedFromItsHeader_beforeDecoding() throws IOException {
    Path png = Files.write(dir.resolve("huge.png"), png(30_000, 30_000));
    assertThat(errorOf(() -> ImageFiles.read(png, 28, 28))).isEqualTo(png
        + ": the image declares 30,000×30,000 pixels; allowed: at most 16,777,216 pixels (e.g. 4096×4096)");
    Path fifo = SpecialFiles.fifo(dir.resolve("pipe.png"));
    assertThat(errorOf(() -> ImageFiles.read(fifo, 28, 28))).isEqualTo(fifo + " is a FIFO, not a regular file");
  }

  /** A grey 8-bit PNG whose header says {@code width × height}, with one row of data. */
  static byte[] png(int width, int height) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0)
        .put((byte) 0).put((byte) 0).put((byte) 0).array());
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try (DeflaterOutputStream z = new DeflaterOutputStream(raw)) {
      z.write(new byte[width + 1]);
    }
    chunk(out, "IDAT", raw.toByteArray());
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
    CRC32 crc = new CRC32();
    crc.update(type.getBytes(StandardCharsets.US_ASCII));
    crc.update(data);
    out.write(ByteBuffer.allocate(4).putInt(data.length).array());
    out.write(type.getBytes(StandardCharsets.US_ASCII));
    out.write(data);
    out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}

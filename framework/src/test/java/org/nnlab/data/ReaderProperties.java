package org.nnlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;
import org.nnlab.testsupport.IdxBytes;

/**
 * IDX and CSV readers on generated files: valid ones round-trip to the same samples and hash;
 * corrupted ones (truncated, a byte changed, bytes inserted) either still read or raise
 * {@link DataException} — never anything else.
 */
class ReaderProperties {
  private static final Path DIR = tempDir();

  /** A tiny valid dataset: 0–5 samples of 1–4 × 1–4 pixels, labels 0–9. */
  record Tiny(int rows, int cols, byte[] pixels, byte[] labels) {
    ByteDataset dataset() {
      return ByteDataset.of("tiny", rows, cols, 0, pixels, labels);
    }
  }

  /** How a file is damaged: at a relative position, with a byte value. */
  record Damage(String kind, double at, byte value, int length) {
    byte[] apply(byte[] file) {
      int pos = (int) (at * file.length);
      switch (kind) {
        case "truncate":
          return Arrays.copyOf(file, pos);
        case "change": {
          byte[] f = file.clone();
          if (f.length > 0) {
            int p = Math.min(pos, f.length - 1);
            f[p] = (byte) (f[p] == value ? value + 1 : value);
          }
          return f;
        }
        default: {
          byte[] f = new byte[file.length + length];
          System.arraycopy(file, 0, f, 0, pos);
          Arrays.fill(f, pos, pos + length, value);
          System.arraycopy(file, pos, f, pos + length, file.length - pos);
          return f;
        }
      }
    }
  }

  @Provide
  Arbitrary<Tiny> tiny() {
    Arbitrary<Integer> side = Arbitraries.integers().between(1, 4);
    return Combinators.combine(side, side, Arbitraries.integers().between(0, 5)).flatAs((r, c, n) ->
        Combinators.combine(
            Arbitraries.bytes().array(byte[].class).ofSize(n * r * c),
            Arbitraries.bytes().between((byte) 0, (byte) 9).array(byte[].class).ofSize(n))
        .as((p, l) -> new Tiny(r, c, p, l)));
  }

  @Provide
  Arbitrary<Tiny> square() {
    return tiny().filter(t -> t.rows() == t.cols() && t.labels().length > 0);
  }

  @Provide
  Arbitrary<Damage> damage() {
    return Combinators.combine(
        Arbitraries.of("truncate", "change", "insert"),
        Arbitraries.doubles().between(0, 1),
        Arbitraries.bytes(),
        Arbitraries.integers().between(1, 5))
        .as(Damage::new);
  }

  @Property(tries = 300)
  void idx_validFiles_roundTrip(@ForAll("tiny") Tiny t, @ForAll boolean gzipImages, @ForAll boolean gzipLabels) {
    byte[] images = IdxBytes.images(t.labels().length, t.rows(), t.cols(), t.pixels());
    byte[] labels = IdxBytes.labels(t.labels());
    Statistics.collect(t.labels().length == 0 ? "empty" : "samples");

    ByteDataset read = readIdx(gzipImages ? IdxBytes.gzip(images) : images, gzipLabels ? IdxBytes.gzip(labels) : labels);

    assertEquals(t.dataset(), read);
    assertEquals(t.dataset().sha256(), read.sha256());
  }

  @Property(tries = 300)
  void csv_validFiles_roundTrip(@ForAll("square") Tiny t, @ForAll boolean header) {
    String csv = IdxBytes.csv(t.rows() * t.cols(), t.pixels(), t.labels(), header);

    ByteDataset read = readCsv(csv.getBytes(StandardCharsets.US_ASCII));

    assertEquals(t.dataset(), read);
    assertEquals(t.dataset().sha256(), read.sha256());
  }

  @Property(tries = 500)
  void idx_corruptedFiles_onlyEverRaiseDataException(
      @ForAll("tiny") Tiny t, @ForAll("damage") Damage d, @ForAll boolean damageLabels, @ForAll boolean gzip) {
    byte[] images = IdxBytes.images(t.labels().length, t.rows(), t.cols(), t.pixels());
    byte[] labels = IdxBytes.labels(t.labels());
    if (gzip) {
      images = IdxBytes.gzip(images);
      labels = IdxBytes.gzip(labels);
    }
    byte[] im = damageLabels ? images : d.apply(images);
    byte[] lb = damageLabels ? d.apply(labels) : labels;
    Statistics.collect(d.kind(), outcome(() -> readIdx(im, lb)));
  }

  @Property(tries = 500)
  void csv_corruptedFiles_onlyEverRaiseDataException(@ForAll("square") Tiny t, @ForAll("damage") Damage d) {
    byte[] csv = IdxBytes.csv(t.rows() * t.cols(), t.pixels(), t.labels(), false).getBytes(StandardCharsets.US_ASCII);
    byte[] damaged = d.apply(csv);
    Statistics.collect(d.kind(), outcome(() -> readCsv(damaged)));
  }

  /** "read" or "DataException"; any other exception fails the property. */
  private static String outcome(Runnable read) {
    try {
      read.run();
      return "read";
    } catch (DataException e) {
      return "DataException";
    }
  }

  private static ByteDataset readIdx(byte[] images, byte[] labels) {
    return IdxReader.read(write("images", images), write("labels", labels), "tiny");
  }

  private static ByteDataset readCsv(byte[] csv) {
    return CsvReader.read(new ByteArrayInputStream(csv), "tiny.csv", "tiny");
  }

  private static Path write(String name, byte[] data) {
    try {
      return Files.write(DIR.resolve(name), data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("nnlab-reader-properties");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterContainer
  static void removeTempDir() throws IOException {
    try (Stream<Path> s = Files.walk(DIR)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}

package org.nnlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.nnlab.testsupport.IdxBytes;
import org.nnlab.testsupport.Mutation;

/**
 * CSV files damaged like any text (numbers made huge, negative or of another type, control bytes,
 * lines dropped or repeated) and IDX headers with any counts: each reads or is one printable
 * {@link DataException} line naming the file, within a bounded time and without allocating what a
 * header merely claims.
 */
class DataMutationProperties {
  private static final String CSV = "label,a,b,c,d\n5,0,255,3,4\n3,10,20,30,40\n7,1,1,1,1\n";

  @Provide
  Arbitrary<Mutation> mutations() {
    return Mutation.any();
  }

  @Property(tries = 300)
  void damagedCsv_readsOrIsOneLine(@ForAll("mutations") Mutation m) throws IOException {
    Path file = Files.write(Files.createTempDirectory("csv").resolve("d.csv"),
        m.apply(CSV.getBytes(StandardCharsets.UTF_8)));
    Statistics.label("outcome").collect(outcome(() -> CsvReader.read(file, "d"), file));
  }

  @Property(tries = 300)
  void idxHeaderWithAnyCounts_readsOrIsOneLine(@ForAll("dimensions") int count, @ForAll("dimensions") int rows,
      @ForAll("dimensions") int cols, @ForAll @IntRange(min = 0, max = 64) int dataBytes) throws IOException {
    Path dir = Files.createTempDirectory("idx");
    Path images = Files.write(dir.resolve("i"), ByteBuffer.allocate(16 + dataBytes)
        .putInt(0x00000803).putInt(count).putInt(rows).putInt(cols).array());
    Path labels = Files.write(dir.resolve("l"), IdxBytes.labels(new byte[Math.max(0, Math.min(count, 64))]));
    Statistics.label("outcome").collect(outcome(() -> IdxReader.read(images, labels, "x"), images));
  }

  @Provide
  Arbitrary<Integer> dimensions() {
    return Arbitraries.oneOf(Arbitraries.integers().between(0, 4),
        Arbitraries.of(-1, 60_000, 46_341, Integer.MAX_VALUE, Integer.MIN_VALUE));
  }

  private static String outcome(java.util.function.Supplier<ByteDataset> read, Path file) {
    return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      try {
        ByteDataset d = read.get();
        assertThat(d.size()).isNotNegative(); // an IDX file may hold 0 images; a run refuses an empty set
        return "read";
      } catch (DataException e) {
        assertThat(e.getMessage()).startsWith(file.toString()).doesNotContain("\n");
        assertThat(e.getMessage().chars().filter(ch -> ch < 0x20 || ch == 0x7f)).isEmpty();
        return "refused";
      }
    });
  }
}

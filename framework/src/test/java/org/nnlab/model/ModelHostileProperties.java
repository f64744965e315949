package org.nnlab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.nnlab.config.Severity;
import org.nnlab.rules.InputRangeRule;
import org.nnlab.rules.TargetRangeRule;
import org.nnlab.testsupport.Mutation;

/**
 * Model files and NumPy weights damaged by someone who re-seals them (a valid SHA-256 over an edited
 * header or edited weights), and .npy headers with any shape: each loads to a model a fresh config
 * could have trained — finite weights, scaling and targets that pass the rules — or fails with one
 * line naming the file, within a bounded time.
 */
class ModelHostileProperties {
  private static final int[] SIZES = {4, 3, 2};

  @Provide
  Arbitrary<Mutation> mutations() {
    return Mutation.any();
  }

  @Property(tries = 300)
  void editedAndResealedHeader_loadsAValidModel_orIsOneLine(@ForAll("mutations") Mutation m, @ForAll long seed) {
    byte[] file = ModelFile.encode(ModelFileProperties.model(SIZES, seed));
    int length = ByteBuffer.wrap(file).getInt(12);
    String header = new String(file, 16, length, StandardCharsets.UTF_8);
    byte[] edited = reseal(file, m.apply(header).getBytes(StandardCharsets.UTF_8), length);
    Statistics.label("outcome").collect(outcome(edited));
  }

  @Property(tries = 200)
  void editedAndResealedWeight_isRefusedExactlyWhenNotFinite(
      @ForAll @IntRange(min = 0, max = 17) int index, @ForAll("doubles") double value, @ForAll long seed) {
    byte[] file = ModelFile.encode(ModelFileProperties.model(SIZES, seed));
    int length = ByteBuffer.wrap(file).getInt(12);
    // W1 (3×4) then W2 (2×3), each after its two int32 dimensions
    int at = 16 + length + 8 + 8 * index + (index >= 12 ? 8 : 0);
    ByteBuffer.wrap(file).putDouble(at, value);
    String outcome = outcome(reseal(file, Arrays.copyOfRange(file, 16, 16 + length), length));
    assertThat(outcome).isEqualTo(Double.isFinite(value) ? "loaded" : "refused");
  }

  @Provide
  Arbitrary<Double> doubles() {
    return Arbitraries.oneOf(Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.MAX_VALUE, -0.0, Double.MIN_VALUE), Arbitraries.doubles());
  }

  @Property(tries = 300)
  void npyWithAnyShapeAndData_readsMatchingValues_orIsOneLine(
      @ForAll("shapes") String shape, @ForAll @IntRange(min = 0, max = 200) int dataBytes,
      @ForAll("descrs") String descr) throws IOException {
    String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
    ByteBuffer b = ByteBuffer.allocate(10 + dict.length() + 1 + dataBytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) (dict.length() + 1))
        .put((dict + "\n").getBytes(StandardCharsets.ISO_8859_1));
    Path file = Files.write(Files.createTempDirectory("npy").resolve("W1.npy"), b.array());
    String outcome = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      try {
        Npy.Matrix matrix = Npy.read(file);
        long n = 1;
        for (int d : matrix.shape()) {
          n *= d;
        }
        assertThat(matrix.values()).hasSize((int) n);
        return "read";
      } catch (ModelException e) {
        assertOneLine(e.getMessage(), file.toString());
        return "refused";
      }
    });
    Statistics.label("npy").collect(outcome);
  }

  @Provide
  Arbitrary<String> shapes() {
    Arbitrary<String> dim = Arbitraries.oneOf(Arbitraries.integers().between(0, 5).map(String::valueOf),
        Arbitraries.of("-1", "4294967296", "2147483647", "268435455", "99999999999999999999", "3L", "x", ""));
    return dim.list().ofMaxSize(3).map(ds -> "(" + String.join(", ", ds) + (ds.size() == 1 ? ",)" : ")"));
  }

  @Provide
  Arbitrary<String> descrs() {
    return Arbitraries.of("<f8", ">f8", "<f4", "<i8", "|O", "<c16", "\u0000\u001b[2J");
  }

  /** "loaded" after checking the model is one a fresh config could give, or "refused" after checking the line. */
  private static String outcome(byte[] file) {
    return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      try {
        Model model = ModelFile.decode(file, "m.nnlab");
        for (int k = 0; k < model.network().weightLayers(); k++) {
          assertThat(Arrays.stream(model.network().weights(k)).allMatch(Double::isFinite)).isTrue();
        }
        assertThat(InputRangeRule.checkRange(model.inputs()).stream().filter(v -> v.ceiling() == Severity.ERROR))
            .isEmpty();
        assertThat(TargetRangeRule.checkTargets(model.targets(), model.network().activation())).isEmpty();
        return "loaded";
      } catch (ModelException e) {
        assertOneLine(e.getMessage(), "m.nnlab");
        return "refused";
      }
    });
  }

  /** {@code file} with its header replaced by {@code header} and a SHA-256 over the new bytes. */
  private static byte[] reseal(byte[] file, byte[] header, int oldLength) {
    ByteBuffer b = ByteBuffer.allocate(file.length - oldLength + header.length);
    b.put(file, 0, 12).putInt(header.length).put(header).put(file, 16 + oldLength, file.length - 16 - oldLength - 32);
    try {
      b.put(MessageDigest.getInstance("SHA-256").digest(Arrays.copyOf(b.array(), b.position())));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
    return b.array();
  }

  private static void assertOneLine(String message, String name) {
    assertThat(message).startsWith(name).doesNotContain("\n", "[Source");
    assertThat(message.chars().filter(ch -> ch < 0x20 || ch == 0x7f)).isEmpty();
  }

  static Path tempDir() {
    try {
      return Files.createTempDirectory("models");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

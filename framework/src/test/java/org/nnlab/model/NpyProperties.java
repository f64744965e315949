package org.nnlab.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class NpyProperties {

  @Property(tries = 200)
  void decode_ofEncode_givesTheSameMatrixBitForBit(
      @ForAll @IntRange(min = 0, max = 9) int rows, @ForAll @IntRange(min = 0, max = 9) int cols,
      @ForAll long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] v = new double[rows * cols];
    for (int i = 0; i < v.length; i++) {
      // raw bit patterns: every double, including NaN payloads, subnormals and −0.0
      v[i] = Double.longBitsToDouble(rng.nextLong());
    }
    Npy.Matrix m = Npy.Matrix.of(rows, cols, v);
    byte[] bytes = Npy.encode(m);
    Npy.Matrix back = Npy.decode(bytes, "p.npy");
    assertThat(back.shape()).containsExactly(rows, cols);
    for (int i = 0; i < v.length; i++) {
      assertThat(Double.doubleToRawLongBits(back.values()[i])).isEqualTo(Double.doubleToRawLongBits(v[i]));
    }
    assertThat((bytes.length - 8L * v.length) % 64).isZero();
  }

  @Property(tries = 100)
  void transpose_twice_isIdentity(
      @ForAll @IntRange(min = 1, max = 7) int rows, @ForAll @IntRange(min = 1, max = 7) int cols,
      @ForAll long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] v = rng.doubles(rows * cols).toArray();
    assertThat(Npy.transpose(Npy.transpose(v, rows, cols), cols, rows)).containsExactly(v);
  }
}

package org.nnlab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@link Npy} against hand-built files laid out as the NPY format documentation describes. */
class NpyTest {

  /** A file per the documented layout: magic, version, header length (2 or 4 bytes), dict, data. */
  static byte[] npy(int major, String dict, int align, ByteOrder order, boolean f4, double... values) {
    int lengthBytes = major == 1 ? 2 : 4;
    int prefix = 6 + 2 + lengthBytes;
    int total = prefix + dict.length() + 1;
    int padded = (total + align - 1) / align * align;
    String header = dict + " ".repeat(padded - total) + "\n";
    byte[] h = header.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(prefix + h.length + values.length * (f4 ? 4 : 8));
    b.order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
    if (lengthBytes == 2) {
      b.putShort((short) h.length);
    } else {
      b.putInt(h.length);
    }
    b.put(h);
    b.order(order);
    for (double v : values) {
      if (f4) {
        b.putFloat((float) v);
      } else {
        b.putDouble(v);
      }
    }
    return b.array();
  }

  @Test
  void encode_headerIsVersion1_paddedTo64_withNewline() {
    byte[] bytes = Npy.encode(Npy.Matrix.of(2, 3, new double[] {1, 2, 3, 4, 5, 6}));
    assertThat(Arrays.copyOf(bytes, 8)).containsExactly(0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0);
    int headerLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
    int dataStart = 10 + headerLength;
    assertThat(dataStart % 64).isZero();
    assertThat(bytes[dataStart - 1]).isEqualTo((byte) '\n');
    String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
    assertThat(header).startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }");
    assertThat(bytes.length - dataStart).isEqualTo(6 * 8);
    assertThat(ByteBuffer.wrap(bytes, dataStart, 8).order(ByteOrder.LITTLE_ENDIAN).getDouble()).isEqualTo(1.0);
  }

  @Test
  void decode_version1_littleEndianF8() {
    byte[] f = npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }", 64,
        ByteOrder.LITTLE_ENDIAN, false, 1.5, -2, 3e-300, Double.MAX_VALUE);
    Npy.Matrix m = Npy.decode(f, "a.npy");
    assertThat(m.shape()).containsExactly(2, 2);
    assertThat(m.values()).containsExactly(1.5, -2, 3e-300, Double.MAX_VALUE);
  }

  @Test
  void decode_version2_fourByteHeaderLength() {
    byte[] f = npy(2, "{'descr': '<f8', 'fortran_order': False, 'shape': (1, 3), }", 64,
        ByteOrder.LITTLE_ENDIAN, false, 7, 8, 9);
    assertThat(Npy.decode(f, "v2.npy").values()).containsExactly(7, 8, 9);
  }

  @Test
  void decode_version3_utf8Header() {
    byte[] f = npy(3, "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", 64,
        ByteOrder.LITTLE_ENDIAN, false, 4, 5);
    Npy.Matrix m = Npy.decode(f, "v3.npy");
    assertThat(m.shape()).containsExactly(2);
    assertThat(m.rows()).isEqualTo(1);
    assertThat(m.values()).containsExactly(4, 5);
  }

  @Test
  void decode_oldSixteenByteAlignment_isRead() {
    byte[] f = npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1, 1), }", 16,
        ByteOrder.LITTLE_ENDIAN, false, 0.25);
    assertThat(Npy.decode(f, "old.npy").values()).containsExactly(0.25);
  }

  @Test
  void decode_bigEndianF8_isConverted() {
    byte[] f = npy(1, "{'descr': '>f8', 'fortran_order': False, 'shape': (3,), }", 64,
        ByteOrder.BIG_ENDIAN, false, 0.1, 0.2, -0.3);
    assertThat(Npy.decode(f, "be.npy").values()).containsExactly(0.1, 0.2, -0.3);
  }

  @Test
  void decode_float32_isWidenedExactly() {
    byte[] f = npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }", 64,
        ByteOrder.LITTLE_ENDIAN, true, 0.1, 3.5);
    assertThat(Npy.decode(f, "f4.npy").values()).containsExactly((double) 0.1f, 3.5);
  }

  @Test
  void decode_fortranOrder_isTransposedToRowMajor() {
    // the 2×3 matrix [[1, 2, 3], [4, 5, 6]] in column-major order is 1 4 2 5 3 6
    byte[] f = npy(1, "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }", 64,
        ByteOrder.LITTLE_ENDIAN, false, 1, 4, 2, 5, 3, 6);
    Npy.Matrix m = Npy.decode(f, "f.npy");
    assertThat(m.shape()).containsExactly(2, 3);
    assertThat(m.values()).containsExactly(1, 2, 3, 4, 5, 6);
  }

  @Test
  void decode_badMagic_isAModelException() {
    byte[] f = npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", 64,
        ByteOrder.LITTLE_ENDIAN, false, 1);
    f[1] = 'X';
    assertThatThrownBy(() -> Npy.decode(f, "x.npy")).isInstanceOf(ModelException.class)
        .hasMessage("x.npy: not a .npy file (no \\x93NUMPY magic)");
  }

  @Test
  void decode_truncatedData_namesTheBytesMissing() {
    byte[] f = npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }", 64,
        ByteOrder.LITTLE_ENDIAN, false, 1, 2, 3, 4);
    byte[] cut = Arrays.copyOf(f, f.length - 1);
    assertThatThrownBy(() -> Npy.decode(cut, "t.npy")).isInstanceOf(ModelException.class)
        .hasMessage("t.npy: truncated data: shape [2, 2] needs 32 bytes, found 31");
  }

  @Test
  void decode_truncatedHeader_isAModelException() {
    byte[] f = npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }", 64,
        ByteOrder.LITTLE_ENDIAN, false, 1, 2, 3, 4);
    assertThatThrownBy(() -> Npy.decode(Arrays.copyOf(f, 30), "h.npy"))
        .isInstanceOf(ModelException.class).hasMessageContaining("truncated .npy header");
  }

  @Test
  void decode_integerDtype_isRejectedWithWhatIsAllowed() {
    byte[] f = npy(1, "{'descr': '<i8', 'fortran_order': False, 'shape': (1,), }", 64,
        ByteOrder.LITTLE_ENDIAN, false, 1);
    assertThatThrownBy(() -> Npy.decode(f, "i.npy")).isInstanceOf(ModelException.class)
        .hasMessageContaining("dtype '<i8' is not supported; allowed: '<f8'");
  }

  @Test
  void decode_rank3_isRejected() {
    byte[] f = npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1, 1, 1), }", 64,
        ByteOrder.LITTLE_ENDIAN, false, 1);
    assertThatThrownBy(() -> Npy.decode(f, "r.npy")).isInstanceOf(ModelException.class)
        .hasMessageContaining("rank 3");
  }
}

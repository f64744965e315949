package org.nnlab.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.nnlab.config.InputRange;
import org.nnlab.config.Targets;
import org.nnlab.experiment.Provenance;
import org.nnlab.io.AtomicFiles;
import org.nnlab.io.Json;
import org.nnlab.io.JvmMemory;
import org.nnlab.io.RegularFiles;
import org.nnlab.io.Sha256;
import org.nnlab.network.Activation;
import org.nnlab.network.Network;

/**
 * Saves and loads a {@link Model} as one {@code model.nnlab} file. Layout (big-endian):
 *
 * <pre>
 * 8 bytes   magic \x89 N N L A B \r \n   (PNG-style: catches 7-bit and newline-mangling transfers)
 * int32     format version, 1
 * int32     H, then H bytes of UTF-8 JSON: {"layers": [784, 100, 10], "activation": "sigmoid",
 *           "inputs": {"min", "max"}, "targets": {"off", "on"}, "provenance": {...},
 *           "config": "canonical YAML"}
 * per weight matrix W_k, k = 1 … layers−1:
 *   int32 rows (nodes_k), int32 cols (nodes_{k−1}), rows·cols IEEE-754 float64, row-major
 * 32 bytes  SHA-256 of every byte before it
 * </pre>
 *
 * <p>The weights are stored bit for bit, so a loaded model's {@code query} outputs are identical to
 * the saved one's. Loading checks the magic, the version, the size the header declares and the
 * checksum before it reads the weights, then what a fresh config would be checked for
 * ({@link ModelChecks}: layers, the input-range and target-range rules, the embedded config, finite
 * weights), so a truncated, corrupt, foreign or edited file is a {@link ModelException} with one
 * clear line, never a silently wrong network. Saving is atomic: a temporary file in the same
 * folder, then a move.
 *
 * <pre>{@code
 * ModelFile.save(model, dir.resolve("model.nnlab"));
 * Model again = ModelFile.load(dir.resolve("model.nnlab"));
 * }</pre>
 */
public final class ModelFile {
  /** The first eight bytes of every model file. */
  static final byte[] MAGIC = {(byte) 0x89, 'N', 'N', 'L', 'A', 'B', '\r', '\n'};
  static final int VERSION = 1;
  private static final int DIGEST = 32;
  /** Magic, version and header length: what is read before the header. */
  private static final int PREFIX = MAGIC.length + 8;
  /** The largest header read: its config is at most 1 MiB of text (4 MiB of UTF-8). */
  private static final int MAX_HEADER = 16 << 20;
  private static final ObjectMapper JSON = Json.mapper();

  private ModelFile() {}

  /** The JSON header's fields. */
  record Header(
      int[] layers, String activation, InputRange inputs, Targets targets, Provenance provenance,
      String config) {}

  /**
   * The bytes of {@code model}'s file, as they are: what a reader would refuse (settings that break
   * the rules, a config that does not bind, weights that are not finite) is refused by {@link
   * #decode}, when the file is read back.
   */
  public static byte[] encode(Model model) {
    Network net = model.network();
    int[] sizes = net.layerSizes();
    byte[] header;
    try {
      header = JSON.writeValueAsBytes(new Header(sizes, net.activation().id(), model.inputs(),
          model.targets(), model.provenance(), model.config()));
    } catch (IOException e) {
      throw new ModelException("cannot encode the model header: " + e.getMessage(), e);
    }
    long weights = 0;
    for (int k = 0; k < net.weightLayers(); k++) {
      weights += 8 + 8L * sizes[k + 1] * sizes[k];
    }
    long total = MAGIC.length + 8 + header.length + weights + DIGEST;
    if (total > Integer.MAX_VALUE - 16) {
      throw new ModelException("a model of " + total + " bytes is too large for one file");
    }
    ByteBuffer b = ByteBuffer.allocate((int) total).order(ByteOrder.BIG_ENDIAN);
    b.put(MAGIC).putInt(VERSION).putInt(header.length).put(header);
    for (int k = 0; k < net.weightLayers(); k++) {
      b.putInt(sizes[k + 1]).putInt(sizes[k]);
      for (double v : net.weights(k)) {
        b.putDouble(v);
      }
    }
    b.put(checksum(b.array(), b.position()));
    return b.array();
  }

  /** Writes {@code model} to {@code file} atomically. */
  public static void save(Model model, Path file) throws IOException {
    AtomicFiles.write(file, encode(model));
  }

  /**
   * Reads the model in {@code file}; a {@link ModelException} says why it cannot be used. Only a
   * regular file is read, and only after its magic bytes, its header and the size the header
   * declares have been checked against the file's real size and this JVM's heap: a large foreign
   * file is refused after its first bytes.
   */
  public static Model load(Path file) {
    String name = file.toString();
    if (!Files.exists(file)) {
      throw new ModelException(name + ": no such model file");
    }
    try (InputStream in = RegularFiles.open(file, name, ModelException::new)) {
      long size = Files.size(file);
      byte[] start = in.readNBytes(PREFIX);
      if (start.length < PREFIX) {
        return decode(start, name); // too short to be a model: decode says what is wrong
      }
      checkStart(start, name);
      int length = ByteBuffer.wrap(start).getInt(MAGIC.length + 4);
      checkHeaderLength(length, size - DIGEST, name);
      byte[] header = in.readNBytes(length);
      Header h = parseHeader(header, 0, header.length, name);
      long declared = declaredSize(h, length);
      if (size > declared) {
        throw new ModelException(name + ": the header's layers " + Arrays.toString(h.layers()) + " make a file of "
            + declared + " bytes, but it has " + size + "; not a model file as nnlab writes them");
      }
      if (!JvmMemory.fits(JvmMemory.times(size, 3))) {
        throw new ModelException(name + ": loading a model of " + JvmMemory.describe(size) + " needs about "
            + JvmMemory.describe(JvmMemory.times(size, 3)) + "; " + JvmMemory.budget());
      }
      byte[] bytes = new byte[(int) size];
      System.arraycopy(start, 0, bytes, 0, PREFIX);
      System.arraycopy(header, 0, bytes, PREFIX, header.length);
      int rest = in.readNBytes(bytes, PREFIX + header.length, bytes.length - PREFIX - header.length);
      return decode(rest == bytes.length - PREFIX - header.length ? bytes
          : Arrays.copyOf(bytes, PREFIX + header.length + rest), name);
    } catch (IOException e) {
      throw new ModelException(name + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Parses a model file's bytes; {@code name} is used in messages. */
  public static Model decode(byte[] bytes, String name) {
    checkStart(bytes, name);
    if (bytes.length < MAGIC.length + 8 + DIGEST) {
      throw new ModelException(name + ": truncated model file (" + bytes.length + " bytes)");
    }
    int content = bytes.length - DIGEST;
    if (!Arrays.equals(checksum(bytes, content), Arrays.copyOfRange(bytes, content, bytes.length))) {
      throw new ModelException(name + ": truncated or corrupt model file (SHA-256 mismatch)");
    }
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
    int length = b.getInt(MAGIC.length + 4);
    checkHeaderLength(length, content, name);
    Header h = parseHeader(bytes, PREFIX, length, name);
    Activation activation = activation(h, name);
    ModelChecks.settings(name, h.layers(), activation, h.inputs(), h.targets(), h.config());
    if (declaredSize(h, length) != bytes.length) {
      throw new ModelException(name + ": the header's layers " + Arrays.toString(h.layers()) + " make a file of "
          + declaredSize(h, length) + " bytes, but it has " + bytes.length);
    }
    b.position(PREFIX + length);
    double[][] w = new double[h.layers().length - 1][];
    for (int k = 0; k < w.length; k++) {
      int rows = b.getInt();
      int cols = b.getInt();
      if (rows != h.layers()[k + 1] || cols != h.layers()[k]) {
        throw new ModelException(name + ": W" + (k + 1) + " is " + rows + "×" + cols + ", the header's layers "
            + Arrays.toString(h.layers()) + " need " + h.layers()[k + 1] + "×" + h.layers()[k]);
      }
      w[k] = new double[rows * cols];
      b.asDoubleBuffer().get(w[k]);
      b.position(b.position() + 8 * w[k].length);
      ModelChecks.finite(name + ": W" + (k + 1), w[k], cols);
    }
    Network net = Network.of(h.layers(), activation, w);
    return new Model(net, h.inputs(), h.targets(), h.config(), h.provenance());
  }

  /** The magic bytes, then the version. */
  private static void checkStart(byte[] bytes, String name) {
    if (bytes.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
      throw new ModelException(name + ": not an nnlab model file (wrong magic bytes)");
    }
    if (bytes.length >= MAGIC.length + 4) {
      int version = ByteBuffer.wrap(bytes).getInt(MAGIC.length);
      if (version != VERSION) {
        throw new ModelException(name + ": model format version " + version
            + " is not supported; this nnlab reads version " + VERSION);
      }
    }
  }

  private static void checkHeaderLength(int length, long content, String name) {
    if (length < 0 || length > MAX_HEADER || PREFIX + (long) length > content) {
      throw new ModelException(name + ": header length " + length + " runs past the end of the file"
          + (length > MAX_HEADER ? " (at most " + MAX_HEADER + " bytes)" : ""));
    }
  }

  /** The whole file's size for header {@code h} of {@code length} bytes; saturates for absurd layers. */
  private static long declaredSize(Header h, int length) {
    long total = PREFIX + (long) length + DIGEST;
    for (int k = 0; k + 1 < h.layers().length; k++) {
      long cells = JvmMemory.times(h.layers()[k + 1], h.layers()[k]);
      total = JvmMemory.plus(total, JvmMemory.plus(8, JvmMemory.times(cells, Double.BYTES)));
    }
    return total;
  }

  /** The header's JSON, its fields present and its layers a network nnlab can hold. */
  private static Header parseHeader(byte[] bytes, int offset, int length, String name) {
    Header h;
    try {
      h = JSON.readValue(bytes, offset, length, Header.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new ModelException(name + ": unreadable model header: " + Json.message(e), e);
    }
    if (h == null || h.layers() == null || h.layers().length < 2 || h.inputs() == null || h.targets() == null
        || h.provenance() == null || h.activation() == null) {
      throw new ModelException(name + ": the header lacks layers, activation, inputs, targets or provenance");
    }
    for (int k = 0; k < h.layers().length; k++) {
      if (h.layers()[k] < 1) {
        throw new ModelException(name + ": layer " + k + " has " + h.layers()[k] + " nodes");
      }
    }
    return h;
  }

  private static Activation activation(Header h, String name) {
    try {
      return Activation.byId(h.activation());
    } catch (IllegalArgumentException e) {
      throw new ModelException(name + ": " + e.getMessage(), e);
    }
  }

  /** The SHA-256 of the first {@code length} bytes: the file's last 32 bytes. */
  private static byte[] checksum(byte[] bytes, int length) {
    return Sha256.start().update(bytes, 0, length).digest();
  }
}

package org.nnlab.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
 * the saved one's. Loading checks the magic, the version and the checksum before it reads anything,
 * so a truncated, corrupt or foreign file is a {@link ModelException} with one clear line, never a
 * silently wrong network. Saving is atomic: a temporary file in the same folder, then a move.
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
  private static final ObjectMapper JSON = Json.mapper();

  private ModelFile() {}

  /** The JSON header's fields. */
  record Header(
      int[] layers, String activation, InputRange inputs, Targets targets, Provenance provenance,
      String config) {}

  /** The bytes of {@code model}'s file. */
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

  /** Reads the model in {@code file}; a {@link ModelException} says why it cannot be used. */
  public static Model load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ModelException(file + ": no such model file");
    }
    try {
      return decode(Files.readAllBytes(file), file.toString());
    } catch (IOException e) {
      throw new ModelException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Parses a model file's bytes; {@code name} is used in messages. */
  public static Model decode(byte[] bytes, String name) {
    if (bytes.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
      throw new ModelException(name + ": not an nnlab model file (wrong magic bytes)");
    }
    if (bytes.length < MAGIC.length + 8 + DIGEST) {
      throw new ModelException(name + ": truncated model file (" + bytes.length + " bytes)");
    }
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
    int version = b.getInt(MAGIC.length);
    if (version != VERSION) {
      throw new ModelException(name + ": model format version " + version
          + " is not supported; this nnlab reads version " + VERSION);
    }
    int content = bytes.length - DIGEST;
    if (!Arrays.equals(checksum(bytes, content), Arrays.copyOfRange(bytes, content, bytes.length))) {
      throw new ModelException(name + ": truncated or corrupt model file (SHA-256 mismatch)");
    }
    b.position(MAGIC.length + 4);
    Header h = header(b, content, name);
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
    }
    if (b.position() != content) {
      throw new ModelException(name + ": " + (content - b.position()) + " unexpected bytes after the weights");
    }
    try {
      Network net = Network.of(h.layers(), Activation.byId(h.activation()), w);
      return new Model(net, h.inputs(), h.targets(), h.config(), h.provenance());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ModelException(name + ": invalid model: " + e.getMessage(), e);
    }
  }

  private static Header header(ByteBuffer b, int content, String name) {
    int length = b.getInt();
    if (length < 0 || b.position() + (long) length > content) {
      throw new ModelException(name + ": header length " + length + " runs past the end of the file");
    }
    try {
      Header h = JSON.readValue(b.array(), b.position(), length, Header.class);
      b.position(b.position() + length);
      if (h.layers() == null || h.layers().length < 2 || h.inputs() == null || h.targets() == null
          || h.provenance() == null || h.activation() == null) {
        throw new ModelException(name + ": the header lacks layers, activation, inputs, targets or provenance");
      }
      long cells = 0;
      for (int k = 0; k < h.layers().length; k++) {
        if (h.layers()[k] < 1) {
          throw new ModelException(name + ": layer " + k + " has " + h.layers()[k] + " nodes");
        }
      }
      for (int k = 0; k + 1 < h.layers().length; k++) {
        cells += (long) h.layers()[k] * h.layers()[k + 1];
      }
      if (cells * 8 > content) {
        throw new ModelException(name + ": layers " + Arrays.toString(h.layers()) + " need more weights than the file holds");
      }
      return h;
    } catch (IOException e) {
      throw new ModelException(name + ": unreadable model header: " + e.getMessage(), e);
    }
  }

  /** The SHA-256 of the first {@code length} bytes: the file's last 32 bytes. */
  private static byte[] checksum(byte[] bytes, int length) {
    return Sha256.start().update(bytes, 0, length).digest();
  }
}

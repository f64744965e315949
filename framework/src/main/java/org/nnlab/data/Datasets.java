package org.nnlab.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nnlab.config.Augment;
import org.nnlab.config.DataSource;

/**
 * Static entry points for datasets: opening whatever a path holds, and augmentation.
 *
 * <pre>{@code
 * List<Dataset> parts = Datasets.open(Path.of("t10k-images-idx3-ubyte.gz"));
 * Dataset train = Datasets.augmented(loader.load(config.train()), config.augment());
 * }</pre>
 */
public final class Datasets {
  private Datasets() {}

  /** {@code base} with the extra samples {@code augment} asks for (rotated copies), else {@code base}. */
  public static Dataset augmented(Dataset base, Augment augment) {
    return RotatedDataset.of(base, augment.rotate());
  }

  /**
   * {@code train} split for {@code data.validation}: the last {@code heldOut} samples apart from the
   * rest, the rest to train on (and to augment: held-out images reach training in no form). The last
   * samples, not a random draw: the same samples for every seed, and MNIST's and Fashion-MNIST's
   * training files are already in no particular order ({@code docs/configs.md}).
   *
   * @param heldOut samples to hold out; 0 for none ({@code train} is then all trained on)
   * @throws DataException when {@code heldOut} would leave nothing to train on
   */
  public static Split heldOut(Dataset train, int heldOut) {
    if (heldOut == 0) {
      return new Split(train, null);
    }
    if (heldOut >= train.size()) {
      throw new DataException(train.name() + ": data.validation holds out " + heldOut + " samples of its "
          + train.size() + "; allowed: 1 to " + (train.size() - 1) + ", so some are left to train on");
    }
    int cut = train.size() - heldOut;
    return new Split(DatasetRange.of(train, 0, cut), DatasetRange.of(train, cut, train.size()));
  }

  /**
   * A training part split by {@link #heldOut}.
   *
   * @param training the samples trained on
   * @param validation the samples held out, or null when none are
   */
  public record Split(Dataset training, Dataset validation) {}

  /**
   * The dataset(s) at {@code path}, the format told by content, not name:
   * <ul>
   *   <li>a folder holding the four MNIST-style IDX files → its {@code train} and {@code test} parts;
   *   <li>a folder of label subfolders → one dataset of its images;
   *   <li>an IDX image or label file → it with its partner ({@code images-idx3} ↔ {@code labels-idx1});
   *   <li>a PNG or JPEG image → one 28×28 sample converted as {@link ImageFiles} does, label 0;
   *   <li>anything else → the book's CSV.
   * </ul>
   */
  public static List<Dataset> open(Path path) {
    if (Files.isDirectory(path)) {
      return openDirectory(path);
    }
    if (!Files.isRegularFile(path)) {
      throw new DataException(path + ": no such file or directory");
    }
    byte[] head = head(path);
    if (head.length >= 4 && head[0] == 0 && head[1] == 0 && head[2] == IdxReader.UNSIGNED_BYTE) {
      return List.of(openIdx(path, head[3]));
    }
    if (isPng(head) || isJpeg(head)) {
      ImageFiles.Sample s = ImageFiles.read(path, 28, 28);
      return List.of(new ByteDataset(path.toString(), 28, 28, 1, s.pixels(), new byte[1]));
    }
    return List.of(CsvReader.read(path, path.toString()));
  }

  private static List<Dataset> openDirectory(Path dir) {
    List<Dataset> parts = new ArrayList<>();
    for (KnownDataset.Part part : KnownDataset.MNIST.parts()) {
      Optional<Path> images = DatasetImporter.find(dir, part.images());
      Optional<Path> labels = DatasetImporter.find(dir, part.labels());
      if (images.isPresent() && labels.isPresent()) {
        parts.add(IdxReader.read(images.get(), labels.get(), dir.resolve(part.name()).toString()));
      }
    }
    return parts.isEmpty() ? List.of(ImageFolderReader.read(dir)) : parts;
  }

  private static Dataset openIdx(Path file, int ndims) {
    String name = file.getFileName().toString();
    boolean images = ndims == 3;
    String partner = images
        ? name.replace("images", "labels").replace("idx3", "idx1")
        : name.replace("labels", "images").replace("idx1", "idx3");
    Path other = file.resolveSibling(partner);
    if (partner.equals(name) || !Files.isRegularFile(other)) {
      throw new DataException(file + ": an IDX " + (images ? "image" : "label") + " file needs its "
          + (images ? "label" : "image") + " file; expected it at " + other);
    }
    return images ? IdxReader.read(file, other, file.toString()) : IdxReader.read(other, file, other.toString());
  }

  /** The first bytes of the (decompressed) content. */
  private static byte[] head(Path file) {
    try (InputStream in = DataFiles.open(file)) {
      return in.readNBytes(8);
    } catch (IOException e) {
      throw new DataException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static boolean isPng(byte[] h) {
    return h.length >= 4 && (h[0] & 0xFF) == 0x89 && h[1] == 'P' && h[2] == 'N' && h[3] == 'G';
  }

  private static boolean isJpeg(byte[] h) {
    return h.length >= 3 && (h[0] & 0xFF) == 0xFF && (h[1] & 0xFF) == 0xD8 && (h[2] & 0xFF) == 0xFF;
  }

  /** Loads a {@link DataSource} or opens a path, whichever {@code nameOrPath} is. */
  public static List<Dataset> resolve(DatasetLoader loader, String nameOrPath) {
    Optional<KnownDataset> known = KnownDataset.byName(nameOrPath.split(":", 2)[0]);
    if (known.isPresent() && !Files.exists(Path.of(nameOrPath))) {
      String[] np = nameOrPath.split(":", 2);
      List<String> parts = np.length == 2 ? List.of(np[1])
          : known.get().parts().stream().map(KnownDataset.Part::name).toList();
      List<Dataset> out = new ArrayList<>();
      for (String part : parts) {
        out.add(loader.load(new DataSource.Named(np[0], part)));
      }
      return out;
    }
    return open(Path.of(nameOrPath).toAbsolutePath());
  }
}

package org.nnlab.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.nnlab.io.JvmMemory;
import java.util.stream.Stream;

/**
 * Reads a folder of images with one subfolder per label ({@code dir/0/*.png}, {@code dir/1/*.png},
 * …) into a dataset. Images are made grey as {@link ImageFiles} does and must all have the size of
 * the first; they are not resized. When the border of the images is light on average, the whole
 * folder is inverted, so that strokes are light on dark as in MNIST.
 *
 * <p>Samples are ordered by label, then by file name, so the SHA-256 does not depend on the file
 * system's listing order. PNG and JPEG files ({@code .png}, {@code .jpg}, {@code .jpeg}) are read;
 * other files are ignored.
 */
final class ImageFolderReader {
  private ImageFolderReader() {}

  static ByteDataset read(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new DataException(dir + ": not a directory; expected a folder with one subfolder of images per label (0/, 1/, …)");
    }
    List<Path> files = new ArrayList<>();
    List<Integer> fileLabels = new ArrayList<>();
    List<Path> subs = list(dir).stream().filter(Files::isDirectory)
        .sorted(Comparator.comparingInt(ImageFolderReader::label)).toList();
    for (Path sub : subs) {
      int label = label(sub);
      for (Path f : list(sub)) {
        if (isImage(f)) {
          files.add(f);
          fileLabels.add(label);
        }
      }
    }
    if (files.isEmpty()) {
      throw new DataException(dir + ": no images; expected PNG or JPEG files in subfolders named by label (0/, 1/, …)");
    }
    return decode(dir, files, fileLabels);
  }

  private static ByteDataset decode(Path dir, List<Path> files, List<Integer> fileLabels) {
    BufferedImage first = ImageFiles.load(files.get(0));
    int w = first.getWidth();
    int h = first.getHeight();
    long total = (long) files.size() * w * h;
    if (total > JvmMemory.MAX_ARRAY || !JvmMemory.fits(total * 2)) {
      throw new DataException(String.format(Locale.ROOT, "%s: %,d images of %d×%d pixels (%s) are more than one"
          + " dataset holds in this JVM; %s", dir, files.size(), w, h, JvmMemory.describe(total), JvmMemory.budget()));
    }
    byte[] pixels = new byte[(int) total];
    byte[] labels = new byte[files.size()];
    double border = 0;
    for (int i = 0; i < files.size(); i++) {
      BufferedImage image = i == 0 ? first : ImageFiles.load(files.get(i));
      if (image.getWidth() != w || image.getHeight() != h) {
        throw new DataException(files.get(i) + ": image " + i + " is " + image.getWidth() + "×"
            + image.getHeight() + "; expected " + w + "×" + h + " like " + files.get(0));
      }
      int[] grey = ImageFiles.grey(image);
      border += ImageFiles.borderMean(grey, w, h);
      for (int j = 0; j < grey.length; j++) {
        pixels[i * w * h + j] = (byte) grey[j];
      }
      labels[i] = (byte) (int) fileLabels.get(i);
    }
    if (border / files.size() > 127) {
      for (int k = 0; k < pixels.length; k++) {
        pixels[k] = (byte) (255 - (pixels[k] & 0xFF));
      }
    }
    return new ByteDataset(dir.toString(), h, w, ByteDataset.largestLabel(labels) + 1, pixels, labels);
  }

  private static int label(Path sub) {
    String name = sub.getFileName().toString();
    try {
      int label = Integer.parseInt(name);
      if (label >= 0 && label <= 255) {
        return label;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new DataException(sub + ": subfolder names are the labels, integers 0–255; found '" + name + "'");
  }

  private static boolean isImage(Path f) {
    String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
    return Files.isRegularFile(f) && (n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg"));
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
    } catch (IOException e) {
      throw new DataException(dir + ": cannot list: " + e.getMessage(), e);
    }
  }
}

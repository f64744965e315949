package org.nnlab.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.nnlab.experiment.Mistake;

/** Images for a self-contained HTML page, as {@code data:image/png;base64,…} URIs. */
final class Images {
  private static final Pattern BACKQUERY = Pattern.compile("label-(\\d+)\\.png");

  private Images() {}

  /** A mistake's image as a PNG data URI, ink dark on white (MNIST stores ink as 255). */
  static String dataUri(Mistake m) {
    BufferedImage img = new BufferedImage(m.cols(), m.rows(), BufferedImage.TYPE_BYTE_GRAY);
    int[] px = m.pixelValues();
    for (int y = 0; y < m.rows(); y++) {
      for (int x = 0; x < m.cols(); x++) {
        img.getRaster().setSample(x, y, 0, 255 - px[y * m.cols() + x]);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
  }

  /** One back-queried image: the label and its file as a data URI. */
  record Labelled(int label, String uri) {}

  /** {@code dir/backquery/label-N.png} files, by label; none when the folder is missing. */
  static List<Labelled> backquery(Path dir) {
    Path folder = dir.resolve("backquery");
    List<Labelled> found = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return found;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "label-*.png")) {
      for (Path f : files) {
        Matcher m = BACKQUERY.matcher(f.getFileName().toString());
        if (m.matches()) {
          found.add(new Labelled(Integer.parseInt(m.group(1)),
              "data:image/png;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(f))));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    found.sort(java.util.Comparator.comparingInt(Labelled::label));
    return found;
  }
}

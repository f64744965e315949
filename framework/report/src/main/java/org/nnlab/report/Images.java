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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.nnlab.experiment.Mistake;

/**
 * Images for a self-contained HTML page, as {@code data:image/png;base64,…} URIs.
 *
 * <p>State: the URIs of the last {@link #REMEMBERED} mistakes drawn, by their pixels — a live page
 * draws the best trial's gallery again at every update, and encoding PNGs was half of that work.
 * Bounded and thread-safe; it changes no output.
 */
final class Images {
  private static final Pattern BACKQUERY = Pattern.compile("label-(\\d+)\\.png");
  /** How many mistakes' URIs are remembered: a few galleries. */
  static final int REMEMBERED = 64;
  private static final Map<String, String> DRAWN = Collections.synchronizedMap(
      new LinkedHashMap<>(REMEMBERED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > REMEMBERED;
        }
      });

  private Images() {}

  /** A mistake's image as a PNG data URI, ink dark on white (MNIST stores ink as 255). */
  static String dataUri(Mistake m) {
    String key = m.rows() + "x" + m.cols() + ":" + m.pixels();
    String uri = DRAWN.get(key);
    if (uri == null) {
      uri = draw(m);
      DRAWN.put(key, uri);
    }
    return uri;
  }

  private static String draw(Mistake m) {
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

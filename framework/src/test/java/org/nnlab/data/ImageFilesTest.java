package org.nnlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.config.DataSource;

class ImageFilesTest {
  @TempDir Path tmp;

  /** A {@code size}² picture: {@code paper} background with an {@code ink} square in the middle half. */
  static Path picture(Path file, int size, Color paper, Color ink, String format) throws IOException {
    BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(paper);
    g.fillRect(0, 0, size, size);
    g.setColor(ink);
    g.fillRect(size / 4, size / 4, size / 2, size / 2);
    g.dispose();
    Files.createDirectories(file.getParent());
    ImageIO.write(img, format, file.toFile());
    return file;
  }

  @Test
  void read_darkInkOnWhitePaper_isShrunkAndInverted() throws IOException {
    Path png = picture(tmp.resolve("three.png"), 56, Color.WHITE, Color.BLACK, "png");

    ImageFiles.Sample s = ImageFiles.read(png, 28, 28);

    assertTrue(s.inverted());
    assertEquals(784, s.pixels().length);
    assertEquals(0, s.pixels()[0] & 0xFF, "paper becomes black");
    assertEquals(255, s.pixels()[14 * 28 + 14] & 0xFF, "ink becomes white");
  }

  @Test
  void read_lightInkOnBlack_isKept() throws IOException {
    Path jpg = picture(tmp.resolve("x.jpg"), 28, Color.BLACK, Color.WHITE, "jpg");

    ImageFiles.Sample s = ImageFiles.read(jpg, 28, 28);

    assertFalse(s.inverted());
    assertTrue((s.pixels()[14 * 28 + 14] & 0xFF) > 240, "JPEG keeps the light ink, give or take its loss");
  }

  @Test
  void read_notAnImage_saysWhatWasExpected() throws IOException {
    Path f = Files.writeString(tmp.resolve("notes.png"), "hello");
    DataException e = assertThrows(DataException.class, () -> ImageFiles.read(f, 28, 28));
    assertEquals(f + ": not an image this reader knows; expected PNG or JPEG", e.getMessage());
  }

  @Test
  void imageFolder_loadsOneSubfolderPerLabel_inLabelOrder() throws IOException {
    picture(tmp.resolve("digits/10/a.png"), 4, Color.WHITE, Color.BLACK, "png");
    picture(tmp.resolve("digits/2/b.png"), 4, Color.WHITE, Color.BLACK, "png");
    picture(tmp.resolve("digits/2/a.png"), 4, Color.WHITE, Color.GRAY, "png");

    Dataset d = new DefaultDatasetLoader(tmp).load(new DataSource.Images(tmp.resolve("digits")));

    assertEquals(3, d.size());
    assertEquals(List.of(2, 2, 10), List.of(d.label(0), d.label(1), d.label(2)));
    assertEquals(11, d.classes());
    assertEquals(0, d.pixel(0, 0), "light paper inverted to black");
    assertEquals(255, d.pixel(1, 5));
  }

  @Test
  void imageFolder_otherSize_namesFileAndExpectedSize() throws IOException {
    picture(tmp.resolve("d/0/a.png"), 4, Color.WHITE, Color.BLACK, "png");
    Path odd = picture(tmp.resolve("d/1/b.png"), 5, Color.WHITE, Color.BLACK, "png");

    DataException e = assertThrows(DataException.class, () -> Datasets.open(tmp.resolve("d")));

    assertEquals(odd + ": image 1 is 5×5; expected 4×4 like " + tmp.resolve("d/0/a.png"), e.getMessage());
  }

  @Test
  void imageFolder_subfolderNotALabel_isAnError() throws IOException {
    picture(tmp.resolve("d/cat/a.png"), 4, Color.WHITE, Color.BLACK, "png");
    DataException e = assertThrows(DataException.class, () -> Datasets.open(tmp.resolve("d")));
    assertEquals(tmp.resolve("d/cat") + ": subfolder names are the labels, integers 0–255; found 'cat'", e.getMessage());
  }
}

package org.nnlab.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Renders the example "own handwriting" images shipped in {@code configs/images/}: each digit drawn
 * with a Java2D font outline, dark ink on light paper, at different sizes, slants, stroke widths and
 * colours, in PNG and JPEG. The digit's box fills about 70% of the picture, as MNIST digits fill 20
 * of 28 pixels. Rerun it with {@code java experiments/src/test/java/org/nnlab/cli/ExampleDigits.java
 * configs/images} (fonts differ between machines, so the committed images are the reference).
 */
public final class ExampleDigits {
  private ExampleDigits() {}

  /** One picture: {@code digit} in {@code font}, on a {@code size}² canvas. */
  static BufferedImage render(int digit, String font, int size, double slant, float stroke, Color ink, Color paper) {
    BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(paper);
    g.fillRect(0, 0, size, size);
    GlyphVector glyph = new Font(font, Font.PLAIN, 100).createGlyphVector(g.getFontRenderContext(), "" + digit);
    java.awt.Shape outline = AffineTransform.getShearInstance(-slant, 0).createTransformedShape(glyph.getOutline());
    Rectangle2D box = outline.getBounds2D();
    double scale = 0.7 * size / Math.max(box.getWidth(), box.getHeight());
    AffineTransform place = new AffineTransform();
    place.translate(size / 2.0, size / 2.0);
    place.scale(scale, scale);
    place.translate(-box.getCenterX(), -box.getCenterY());
    java.awt.Shape shape = place.createTransformedShape(outline);
    g.setColor(ink);
    g.fill(shape);
    g.setStroke(new BasicStroke(Math.max(0.01f, stroke) * size / 28f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(shape);
    g.dispose();
    return img;
  }

  public static void main(String[] args) throws IOException {
    File dir = new File(args.length > 0 ? args[0] : "configs/images");
    dir.mkdirs();
    String[] fonts = {"DejaVu Sans", "DejaVu Serif", "DejaVu Sans Mono"};
    int[] sizes = {28, 64, 200, 120, 300};
    for (int d = 0; d < 10; d++) {
      boolean colour = d % 3 == 1;
      Color ink = colour ? new Color(20, 40, 140) : Color.BLACK;
      Color paper = colour ? new Color(250, 244, 220) : Color.WHITE;
      BufferedImage img = render(d, fonts[d % fonts.length], sizes[d % sizes.length], d % 4 == 0 ? 0.12 : 0.0,
          (d % 3) * 0.6f, ink, paper);
      String format = d == 5 || d == 8 ? "jpg" : "png";
      ImageIO.write(img, format, new File(dir, "digit-" + d + "." + format));
    }
  }
}

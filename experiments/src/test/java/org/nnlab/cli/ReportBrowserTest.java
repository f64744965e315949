package org.nnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a generated report.html in headless Chromium (Debian package {@code chromium}) and checks
 * that its charts rendered. Skipped, with the reason, when {@code chromium} is not installed.
 */
class ReportBrowserTest {

  @Test
  void sweepReport_rendersItsChartsInHeadlessChromium(@TempDir Path dir) throws Exception {
    Path chromium = onPath("chromium");
    Assumptions.assumeTrue(chromium != null,
        "chromium is not installed (apt-get install -y chromium): the browser test did not run");
    Path config = TinySweeps.write(dir, "[0.1, 0.3]", 2);
    Path out = dir.resolve("out");
    assertThat(CliRun.of("sweep", config.toString(), "--out", out.toString()).exit()).isZero();
    String url = out.resolve("report.html").toUri().toString();

    String dom = chromium(chromium, dir, "--dump-dom", url);
    assertThat(dom).contains("Test accuracy vs training.learningRate");
    // three charts (accuracy vs the rate, accuracy and loss per epoch), each an <svg> with drawn paths
    assertThat(count(dom, "<svg")).isGreaterThanOrEqualTo(3);
    assertThat(count(dom, "<path")).isGreaterThanOrEqualTo(9);
    assertThat(count(dom, "<text")).isGreaterThan(30);

    Path shot = dir.resolve("shot.png");
    chromium(chromium, dir, "--screenshot=" + shot, "--window-size=1200,1800", url);
    BufferedImage img = ImageIO.read(shot.toFile());
    assertThat(img.getWidth()).isEqualTo(1200);
    // the chart region (below the headline) must hold ink: lines, axes, text, not a blank page
    assertThat(nonWhiteShare(img, 0, 250, 1200, 700)).isGreaterThan(0.02);
  }

  private static String chromium(Path chromium, Path dir, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + Files.createTempDirectory(dir, "chromium-profile")));
    cmd.addAll(List.of(args));
    Path stdout = Files.createTempFile(dir, "chromium", ".out");
    Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish within 90 s: " + cmd);
    }
    return Files.readString(stdout);
  }

  private static double nonWhiteShare(BufferedImage img, int x0, int y0, int w, int h) {
    int ink = 0;
    for (int y = y0; y < y0 + h; y++) {
      for (int x = x0; x < x0 + w; x++) {
        int rgb = img.getRGB(x, y);
        int r = rgb >> 16 & 0xFF;
        int g = rgb >> 8 & 0xFF;
        int b = rgb & 0xFF;
        if (r < 235 || g < 235 || b < 235) {
          ink++;
        }
      }
    }
    return ink / (double) (w * h);
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  private static Path onPath(String name) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path p = Path.of(d, name);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }
}

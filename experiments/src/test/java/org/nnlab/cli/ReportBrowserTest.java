package org.nnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens generated report pages in headless Chromium (Debian package {@code chromium}) and checks
 * that their charts rendered (an SVG with drawn marks each), without console errors and without
 * loading anything but the file; and that a live page shows new trials without a reload. Skipped,
 * with the reason, when {@code chromium} is not installed.
 */
class ReportBrowserTest {

  @Test
  void sweepReport_rendersItsChartsInHeadlessChromium(@TempDir Path dir) throws Exception {
    Path chromium = Chromium.find();
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

  @Test
  void runReport_drawsItsLearningCurvesAsSvg_offline(@TempDir Path dir) throws Exception {
    assumeChromium();
    Path out = dir.resolve("run");
    CliRun run = CliRun.of("run", CliRun.config("quickstart.yaml"), "--out", out.toString(),
        "--set", "training.epochs=2", "--set", "network.layers=[784,4,10]");
    assertThat(run.exit()).as(run.err()).isZero();
    try (Chromium page = Chromium.open(dir, out.resolve("report.html").toUri().toString())) {
      // moved here from SweepCommandTest: the charts are <svg> elements once the page has drawn them
      assertThat(page.eval("document.querySelectorAll('#learning-curve svg').length").asInt()).isEqualTo(2);
      assertDrawn(page, "chart-curve-accuracy", 8);
      assertThat(page.eval("document.querySelectorAll('#confusion-table td').length").asInt()).isEqualTo(100);
      assertThat(page.eval("document.querySelectorAll('#gallery img').length").asInt()).isEqualTo(10);
      assertOfflineAndClean(page);
    }
  }

  @Test
  void randomSweepOf300_staticReport_drawsTheChartsOfARandomSearch_offline(@TempDir Path dir) throws Exception {
    try (Chromium page = sweepReport(dir, TinyCsv.randomSweep(dir))) {
      assertThat(page.eval("document.querySelector('#search-note').textContent").asText())
          .startsWith("random search · 300 trials, 300 points");
      // a scatter per parameter (300 points each), the heat map, parallel coordinates, best so far, importance
      for (String id : List.of("chart-axis-0", "chart-axis-1", "chart-axis-2")) {
        assertDrawn(page, id, 250);
      }
      assertDrawn(page, "chart-heatmap", 20);
      assertDrawn(page, "chart-parallel", 250);
      assertDrawn(page, "chart-best", 250);
      assertDrawn(page, "chart-importance", 3);
      assertThat(page.eval("document.querySelector('#chart-importance').textContent").asText())
          .contains("training.learningRate", "network.layers[1]", "training.backprop");
      // the points table: best first, ten rows, the rest one click away; "—" for one seed
      assertThat(page.eval("document.querySelectorAll('#points-table tbody.top tr').length").asInt()).isEqualTo(10);
      assertThat(page.eval("document.querySelector('#points-table tbody.rest').hidden").asBoolean()).isTrue();
      assertThat(page.eval("document.querySelector('#points-table tbody.top tr td:nth-child(4)').textContent").asText())
          .isEqualTo("—");
      page.eval("document.querySelector('#points-more').click()");
      assertThat(page.eval("document.querySelector('#points-table tbody.rest').hidden").asBoolean()).isFalse();
      assertThat(page.eval("document.querySelectorAll('#points-table tr').length").asInt()).isEqualTo(301);
      assertThat(page.eval("[...document.querySelectorAll('#points-table tbody tr td:nth-child(3)')]"
          + ".map(td => +td.textContent).every((v, i, a) => i == 0 || a[i - 1] >= v)").asBoolean()).isTrue();
      assertThat(page.eval("document.querySelectorAll('tr[data-trial]').length").asInt()).isEqualTo(300);
      assertOfflineAndClean(page);
    }
  }

  @Test
  void halvingSweep_staticReport_drawsEachPointsCurveAcrossTheRungs(@TempDir Path dir) throws Exception {
    try (Chromium page = sweepReport(dir, TinyCsv.halvingSweep(dir))) {
      assertThat(page.eval("document.querySelector('#search-note').textContent").asText())
          .startsWith("halving search · 13 trials").contains("first rung: every point at 1 epoch(s)");
      assertThat(page.eval("document.querySelector('#rungs').hidden").asBoolean()).isFalse();
      assertDrawn(page, "chart-rungs", 9);
      assertThat(page.eval("document.querySelector('#chart-rungs').textContent").asText())
          .contains("rung 1", "rung 3", "rung 9");
      assertDrawn(page, "chart-axis-0", 9);
      assertDrawn(page, "chart-best", 13);
      assertOfflineAndClean(page);
    }
  }

  @Test
  void liveSweep_pageOpenedMidway_showsNewTrialRowsWithoutReload(@TempDir Path dir) throws Exception {
    assumeChromium();
    Path out = dir.resolve("live");
    // more trials than the test waits for: the sweep is still running whenever the page opens; the
    // test stops it at the end (closing Background interrupts the command)
    try (Background sweep = Background.start("sweep", TinyCsv.randomSweep(dir, 1000).toString(), "--out",
        out.toString(), "--parallel", "1", "--serve", "0")) {
      URI url = sweep.servingAt(Duration.ofSeconds(60));
      while (!sweep.out().contains("trial 5/1000")) {
        Thread.sleep(20);
      }
      try (Chromium page = Chromium.open(dir, url.toString())) {
        page.eval("window.openedOnce = true");
        int first = page.eval("document.querySelectorAll('tr[data-trial]').length").asInt();
        assertThat(first).isGreaterThanOrEqualTo(5);
        assertThat(page.eval("document.querySelector('#trials-details').open").asBoolean()).isTrue();
        page.waitFor("document.querySelectorAll('tr[data-trial]').length >= " + (first + 10), Duration.ofSeconds(60));
        assertThat(page.eval("window.openedOnce === true && window.nnlabRenders > 1").asBoolean())
            .as("the same page, drawn again: no reload").isTrue();
        assertThat(page.eval("document.querySelector('tr[data-trial]').getAttribute('data-trial')").asText())
            .matches("\\{.*\\}#0");
        assertThat(page.eval("document.querySelector('#live').textContent").asText()).contains("trials finished");
        assertThat(page.errors()).isEmpty();
      }
    }
  }

  /** Runs the sweep of {@code config} on two threads and opens its static report. */
  private static Chromium sweepReport(Path dir, Path config) throws Exception {
    assumeChromium();
    Path out = dir.resolve("out");
    CliRun run = CliRun.of("sweep", config.toString(), "--out", out.toString(), "--parallel", "2");
    assertThat(run.exit()).as(run.err()).isZero();
    return Chromium.open(dir, out.resolve("report.html").toUri().toString());
  }

  private static void assumeChromium() {
    Assumptions.assumeTrue(Chromium.find() != null,
        "chromium is not installed (apt-get install -y chromium): the browser test did not run");
  }

  /** The chart {@code id} is drawn: an SVG with at least {@code marks} paths (points, lines, cells, bars). */
  private static void assertDrawn(Chromium page, String id, int marks) throws Exception {
    assertThat(page.eval("document.querySelectorAll('#" + id + " svg').length").asInt()).as(id).isEqualTo(1);
    assertThat(page.eval("document.querySelectorAll('#" + id + " svg path').length").asInt()).as(id + " paths")
        .isGreaterThanOrEqualTo(marks);
  }

  /** No console error, no error shown on the page, nothing loaded but the file and its data URIs. */
  private static void assertOfflineAndClean(Chromium page) throws Exception {
    assertThat(page.errors()).isEmpty();
    assertThat(page.eval("window.nnlabErrors.length").asInt()).isZero();
    assertThat(page.eval("performance.getEntriesByType('resource').map(e => e.name)"
        + ".filter(n => !n.startsWith('data:') && !n.startsWith('file:'))").size()).isZero();
  }
}

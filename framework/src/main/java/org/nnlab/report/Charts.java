package org.nnlab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Draws a report's charts with JFreeChart as inline SVG elements (JFreeSVG): a line of means with
 * ±1 std error bars over numeric x (log-scaled when the values span more than a decade), or over
 * categories. Each chart gets its own id prefix so several can share one HTML page.
 */
public final class Charts {
  private static final Color LINE = new Color(0x21, 0x66, 0xAC);
  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
  private static final int WIDTH = 560;
  private static final int HEIGHT = 320;

  private Charts() {}

  /**
   * An error-bar chart of {@code stats}: numeric when every x is a number, else by category.
   *
   * @param id unique within the page, e.g. {@code chart-accuracy}
   */
  public static String errorBars(String id, String title, String xLabel, String yLabel, List<Stat> stats) {
    boolean numeric = stats.stream().allMatch(s -> !Double.isNaN(s.x()));
    JFreeChart chart = numeric ? xy(title, xLabel, yLabel, stats) : categories(title, xLabel, yLabel, stats);
    chart.setBackgroundPaint(Color.WHITE);
    chart.getTitle().setFont(TITLE);
    chart.setAntiAlias(true);
    SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
    g.setDefsKeyPrefix(id + "-");
    chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
    return g.getSVGElement(id);
  }

  private static JFreeChart xy(String title, String xLabel, String yLabel, List<Stat> stats) {
    YIntervalSeries series = new YIntervalSeries(yLabel);
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Stat s : stats) {
      if (!Double.isNaN(s.mean())) {
        series.add(s.x(), s.mean(), s.mean() - s.std(), s.mean() + s.std());
      }
      min = Math.min(min, s.x());
      max = Math.max(max, s.x());
    }
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    data.addSeries(series);
    ValueAxis xAxis;
    if (min > 0 && max / min > 10) {
      LogAxis log = new LogAxis(xLabel);
      log.setSmallestValue(min / 2);
      // one labelled tick per decade, written as plain numbers (0.01, 0.1, 1) rather than 10^-1.4
      log.setTickUnit(new NumberTickUnit(1.0));
      log.setNumberFormatOverride(new DecimalFormat("0.####", DecimalFormatSymbols.getInstance(Locale.ROOT)));
      log.setMinorTickMarksVisible(true);
      xAxis = log;
    } else {
      NumberAxis n = new NumberAxis(xLabel);
      n.setAutoRangeIncludesZero(false);
      if (stats.stream().allMatch(s -> s.x() == Math.rint(s.x()))) {
        n.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
      }
      xAxis = n;
    }
    NumberAxis yAxis = yAxis(yLabel);
    XYErrorRenderer renderer = new XYErrorRenderer();
    renderer.setDrawXError(false);
    renderer.setDefaultLinesVisible(true);
    renderer.setDefaultShapesVisible(true);
    renderer.setSeriesPaint(0, LINE);
    renderer.setSeriesStroke(0, new BasicStroke(2f));
    renderer.setErrorPaint(Color.DARK_GRAY);
    renderer.setCapLength(6);
    XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
    style(plot);
    return new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
  }

  private static JFreeChart categories(String title, String xLabel, String yLabel, List<Stat> stats) {
    DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
    for (Stat s : stats) {
      data.add(s.mean(), s.std(), yLabel, s.label());
    }
    StatisticalLineAndShapeRenderer renderer = new StatisticalLineAndShapeRenderer(true, true);
    renderer.setSeriesPaint(0, LINE);
    renderer.setSeriesStroke(0, new BasicStroke(2f));
    renderer.setErrorIndicatorPaint(Color.DARK_GRAY);
    NumberAxis yAxis = yAxis(yLabel);
    CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(xLabel), yAxis, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    return new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
  }

  /**
   * A value axis at least 0.01 tall: a flat curve (one epoch, two close seeds) otherwise gets a range
   * of 1e-5 and tick labels like 9.1344E-1.
   */
  private static NumberAxis yAxis(String label) {
    NumberAxis axis = new NumberAxis(label);
    axis.setAutoRangeIncludesZero(false);
    axis.setAutoRangeMinimumSize(0.01);
    return axis;
  }

  private static void style(XYPlot plot) {
    if (plot != null) {
      plot.setBackgroundPaint(Color.WHITE);
      plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
      plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    }
  }
}

package org.nnlab.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nnlab.experiment.ExperimentResult;

/**
 * Renders a report page from the Mustache template {@code report.html.mustache}: the page's model
 * ({@link ReportModel}) as JSON, drawn in the browser by {@code report.js} with ECharts. The same
 * template and scripts make the static {@code report.html} (model and scripts inline: one offline
 * file that opens from disk) and the live page a server sends ({@link #live}: scripts by URL, and a
 * stream of new models).
 *
 * <pre>{@code
 * String html = HtmlReport.run(ResultsJson.read(dir.resolve("results.json")), dir);
 * }</pre>
 *
 * <p>{@code dir} is only read for optional extras: {@code backquery/label-N.png} images.
 * Deterministic: the same results give the same bytes. Thread-safe.
 */
public final class HtmlReport {
  /** The chart library, ECharts, as bundled from its WebJar at build time. */
  public static final String ECHARTS = "echarts.min.js";
  /** nnlab's page script: draws a model. */
  public static final String SCRIPT = "report.js";

  private HtmlReport() {}

  /** The static page of one run. */
  public static String run(ExperimentResult r, Path dir) {
    return page(ReportModel.run(r, dir), null);
  }

  /** The static page of a sweep: its search's charts and points, then the best trial in detail. */
  public static String sweep(SweepSummary s, Path dir) {
    return page(ReportModel.sweep(s.name(), s.finishOrder(), java.util.List.of(), dir, s.ranking()), null);
  }

  /**
   * A live page: {@code model} as it stands, scripts loaded from {@code assets} + {@link #ECHARTS} and
   * {@link #SCRIPT}, and new models read from the server-sent events at {@code events}.
   */
  public static String live(Map<String, Object> model, String assets, String events) {
    return page(model, Map.of("assets", assets, "events", events));
  }

  private static String page(Map<String, Object> model, Map<String, String> live) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", model.get("name"));
    m.put("kind", model.get("kind"));
    m.put("model", ReportModel.json(model));
    if (live == null) {
      m.put("inline", Map.of("echarts", Assets.ECHARTS_JS, "script", Assets.SCRIPT_JS));
    } else {
      m.put("live", live);
    }
    StringWriter out = new StringWriter();
    Assets.TEMPLATE.execute(out, m);
    return out.toString();
  }

  /** The text of a resource beside this class ({@link #ECHARTS}, {@link #SCRIPT}). */
  public static String asset(String name) {
    return switch (name) {
      case ECHARTS -> Assets.ECHARTS_JS;
      case SCRIPT -> Assets.SCRIPT_JS;
      default -> throw new IllegalArgumentException("no report asset " + name + "; allowed: " + ECHARTS + ", " + SCRIPT);
    };
  }

  /** Loaded on first use, once: 1 MB of chart library that a host that never reports never reads. */
  private static final class Assets {
    static final Mustache TEMPLATE = new DefaultMustacheFactory("org/nnlab/report").compile("report.html.mustache");
    static final String ECHARTS_JS = read(ECHARTS);
    static final String SCRIPT_JS = read(SCRIPT);

    private static String read(String name) {
      try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalStateException(name + " is missing from the nnlab jar; rebuild it with mvn package");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}

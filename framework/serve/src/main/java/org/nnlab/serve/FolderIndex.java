package org.nnlab.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.nnlab.metrics.TrainingMetrics;
import org.nnlab.sweep.ResultsStore;

/**
 * The run and sweep folders under some directories, for {@code nnlab serve}: the index page, and
 * which folder (and file in it) a request path names. Paths are {@code /r/N/REL/}: N the root's
 * place in the list, REL the folder under it. A file is found only inside a report folder, after
 * resolving links, and only a regular file. Thread-safe.
 */
final class FolderIndex {
  /** How deep under a root folders are looked for. */
  static final int MAX_DEPTH = 6;

  private final List<Path> roots;
  private final Map<Path, FolderSource> sources = new ConcurrentHashMap<>();
  private final Map<List<String>, AtomicReference<Double>> gauges = new ConcurrentHashMap<>();

  FolderIndex(List<Path> roots) {
    List<Path> real = new ArrayList<>();
    for (Path r : roots) {
      try {
        real.add(r.toRealPath());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    this.roots = List.copyOf(real);
  }

  /** What a request path names: a folder's page (file null) or a file in it. */
  record Found(FolderSource source, String base, Path file) {}

  /** The folder or file {@code path} names, or null. */
  Found find(String path) {
    String[] parts = path.split("/");
    // "", "r", N, rel…
    if (parts.length < 4 || !parts[1].equals("r") || !parts[2].matches("\\d{1,4}")) {
      return null;
    }
    int n = Integer.parseInt(parts[2]);
    if (n >= roots.size()) {
      return null;
    }
    Path root = roots.get(n);
    // the longest prefix of rel that is a report folder; the rest names a file in it or a page route
    for (int end = parts.length; end > 3; end--) {
      Path dir = root;
      for (int i = 3; i < end; i++) {
        if (parts[i].isEmpty()) {
          continue;
        }
        dir = dir.resolve(parts[i]);
      }
      if (!inside(root, dir) || !Files.isDirectory(dir) || !FolderSource.isReportFolder(dir)) {
        continue;
      }
      String base = "/r/" + n + "/" + root.relativize(real(dir)).toString().replace('\\', '/') + "/";
      FolderSource source = sources.computeIfAbsent(real(dir), FolderSource::new);
      List<String> rest = List.of(parts).subList(end, parts.length);
      if (rest.size() == 1 && !List.of("", "model.json", "events").contains(rest.get(0))) {
        Path file = dir.resolve(rest.get(0));
        return Files.isRegularFile(file) && inside(real(dir), file) ? new Found(source, base, real(file)) : null;
      }
      return rest.size() <= 1 ? new Found(source, base, null) : null;
    }
    return null;
  }

  /** Whether {@code p}, links resolved, lies under {@code root}. */
  private static boolean inside(Path root, Path p) {
    try {
      return p.toRealPath().startsWith(root);
    } catch (IOException e) {
      return false;
    }
  }

  private static Path real(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Sets a gauge {@code nnlab.eval.accuracy{experiment, folder, trial}} for every run and trial of
   * the folders under the roots (a run's trial is ""), from their results files: what
   * {@code /metrics} shows for folders. A series stays once made; its value follows the file.
   */
  void updateMetrics(MeterRegistry registry) {
    for (int n = 0; n < roots.size(); n++) {
      Path root = roots.get(n);
      for (Path dir : reportFolders(root)) {
        String folder = n + ":" + root.relativize(dir).toString().replace('\\', '/');
        FolderSource source = sources.computeIfAbsent(real(dir), FolderSource::new);
        for (FolderSource.Accuracy a : source.accuracies()) {
          gauges.computeIfAbsent(List.of(a.experiment(), folder, a.trial()), k -> {
            AtomicReference<Double> value = new AtomicReference<>(Double.NaN);
            Gauge.builder(TrainingMetrics.ACCURACY, value, AtomicReference::get)
                .tags("experiment", k.get(0), "folder", k.get(1), "trial", k.get(2))
                .description("test accuracy of a finished run or trial, from its results file")
                .strongReference(true).register(registry);
            return value;
          }).set(a.accuracy());
        }
      }
    }
  }

  /** The index: every report folder under each root, linked. */
  String indexHtml() {
    StringBuilder h = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>nnlab runs and sweeps</title><style>body{font-family:system-ui,sans-serif;max-width:1000px;"
        + "margin:2em auto;padding:0 1em}td,th{border:1px solid #ddd;padding:3px 8px;text-align:left}"
        + "table{border-collapse:collapse}</style></head><body><h1>nnlab runs and sweeps</h1>");
    for (int n = 0; n < roots.size(); n++) {
      Path root = roots.get(n);
      h.append("<h2>").append(escape(root.toString())).append("</h2><table><tr><th>folder</th><th>kind</th>"
          + "<th>last written</th></tr>");
      for (Path dir : reportFolders(root)) {
        String rel = root.relativize(dir).toString().replace('\\', '/');
        boolean sweep = Files.isRegularFile(dir.resolve(ResultsStore.FILE));
        String href = "/r/" + n + "/" + (rel.isEmpty() ? "" : rel + "/");
        h.append("<tr data-folder=\"").append(escape(rel)).append("\"><td><a href=\"").append(escape(href)).append("\">")
            .append(escape(rel.isEmpty() ? "." : rel)).append("</a></td><td>").append(sweep ? "sweep" : "run")
            .append("</td><td>").append(modified(dir.resolve(sweep ? ResultsStore.FILE : "results.json")))
            .append("</td></tr>");
      }
      h.append("</table>");
    }
    return h.append("</body></html>").toString();
  }

  /** The report folders under {@code root}, in path order; hidden folders are skipped. */
  static List<Path> reportFolders(Path root) {
    try (Stream<Path> walk = Files.walk(root, MAX_DEPTH)) {
      return walk.filter(Files::isDirectory)
          .filter(d -> d.equals(root) || !d.getFileName().toString().startsWith("."))
          .filter(FolderSource::isReportFolder).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toString().replaceFirst("\\.\\d+Z$", "Z");
    } catch (IOException e) {
      return "—";
    }
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}

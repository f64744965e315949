package org.nnlab.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnlab.experiment.ResultsJson;
import org.nnlab.report.ReportModel;
import org.nnlab.sweep.ResultsStore;
import org.nnlab.sweep.TrialResult;

/**
 * A run or sweep folder on disk ({@code results.json} or {@code results.jsonl}), finished or still
 * being written by another process: its page is rebuilt from the file whenever the file changes
 * (size or modification time, looked at no more than twice a second). Thread-safe.
 */
public final class FolderSource extends PageSource {
  private static final long LOOK_EVERY_NANOS = 500_000_000L;

  private final Path dir;
  private long lookedAt = Long.MIN_VALUE / 2;
  private String stamp = "";

  public FolderSource(Path dir) {
    this.dir = dir;
  }

  /** Whether {@code dir} holds a run's or a sweep's results. */
  public static boolean isReportFolder(Path dir) {
    return Files.isRegularFile(dir.resolve(ResultsStore.FILE)) || Files.isRegularFile(dir.resolve("results.json"));
  }

  public Path dir() {
    return dir;
  }

  @Override
  public String name() {
    return dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
  }

  @Override
  protected synchronized void refresh() {
    long now = System.nanoTime();
    if (now - lookedAt < LOOK_EVERY_NANOS) {
      return;
    }
    lookedAt = now;
    String s = stamp(dir.resolve(ResultsStore.FILE)) + "|" + stamp(dir.resolve("results.json"));
    if (!s.equals(stamp)) {
      stamp = s;
      changed();
    }
  }

  private static String stamp(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return a.size() + "@" + a.lastModifiedTime().toMillis();
    } catch (IOException e) {
      return "-";
    }
  }

  /** What {@code /metrics} reports of this folder, read again only when its results file changed. */
  record Accuracy(String experiment, String trial, double accuracy) {}

  private long accuraciesVersion = -1;
  private List<Accuracy> accuracies = List.of();

  /** Each trial's test accuracy (a run: one, with trial ""); nothing when the results cannot be read. */
  synchronized List<Accuracy> accuracies() {
    long v = version();
    if (v != accuraciesVersion) {
      accuraciesVersion = v;
      try {
        Path jsonl = dir.resolve(ResultsStore.FILE);
        if (Files.isRegularFile(jsonl)) {
          accuracies = ResultsStore.readAll(jsonl).stream()
              .map(t -> new Accuracy(t.result().name(), t.trial(), t.result().accuracy())).toList();
        } else {
          var r = ResultsJson.read(dir.resolve("results.json"));
          accuracies = List.of(new Accuracy(r.name(), "", r.accuracy()));
        }
      } catch (IOException | RuntimeException e) {
        accuracies = List.of(); // being rewritten: the next scrape reads it again
        accuraciesVersion = -1;
      }
    }
    return accuracies;
  }

  @Override
  protected long pollMillis() {
    return 500;
  }

  @Override
  protected Map<String, Object> model() {
    try {
      Path jsonl = dir.resolve(ResultsStore.FILE);
      if (Files.isRegularFile(jsonl)) {
        List<TrialResult> trials = ResultsStore.readAll(jsonl);
        String name = trials.isEmpty() ? name() : trials.get(0).result().name();
        return ReportModel.sweep(name, trials, List.of(), dir);
      }
      Path json = dir.resolve("results.json");
      if (Files.isRegularFile(json)) {
        return ReportModel.run(ResultsJson.read(json), dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      // a results file being replaced as it is read: show what is known, the next look will do better
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kind", "run");
      m.put("name", name());
      m.put("status", "unreadable: " + e.getMessage());
      m.put("headline", "—");
      return m;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", "run");
    m.put("name", name());
    m.put("status", "no results yet");
    m.put("headline", "—");
    return m;
  }
}

package org.nnlab.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nnlab.experiment.ExperimentResult;
import org.nnlab.experiment.ExperimentRun;
import org.nnlab.experiment.ResultsJson;
import org.nnlab.io.AtomicFiles;
import org.nnlab.model.RunArtifacts;
import org.nnlab.output.OutputFolder;
import org.nnlab.sweep.ResultsStore;
import org.nnlab.sweep.SweepIdentity;
import org.nnlab.sweep.TrialResult;

/**
 * Writes a run's or a sweep's report files — {@code report.md}, {@code report.html}, and a
 * sweep's {@code trials.csv} — into a folder, each set published whole ({@link OutputFolder#publish}):
 * a reader finds the old set or the new one, never a model beside another run's results. The
 * {@code nnlab} command writes every report through this class; a host that has this artifact
 * ({@code org.nnlab:nnlab-report}) on its classpath does the same.
 *
 * <pre>{@code
 * ReportWriter reports = new ReportWriter();           // or @Inject ReportWriter reports
 * reports.writeRun(nnlab.run(config), Path.of("runs", config.name()));
 * reports.writeSweep(nnlab.sweep(spec, ResultsStore.inMemory(), false), Path.of("runs", "my-sweep"));
 * }</pre>
 *
 * <p>Why not {@code nnlab.report(…)}: the core artifact ({@code org.nnlab.inject.Nnlab}) does not
 * depend on this one, so that a host that only trains carries no template engine or chart script.
 * This class needs nothing injected: Guice builds it just in time (its constructor takes no
 * argument), and a host without an injector constructs it.
 *
 * <p>{@link #writeRun} and {@link #writeSweep} hold the folder ({@link OutputFolder#open}) while
 * they write; a host that already holds it (from before training, say) calls the {@code publish…}
 * methods with its {@link OutputFolder}. Stateless apart from its listener, so thread-safe when the
 * listener is; two writers into one folder are kept apart by the folder's lock.
 */
public final class ReportWriter {
  /** The run's or sweep's Markdown report. */
  public static final String REPORT_MD = "report.md";
  /** The run's or sweep's page, with its charts drawn by the bundled ECharts. */
  public static final String REPORT_HTML = "report.html";
  /** A sweep's trials, one row each. */
  public static final String TRIALS_CSV = "trials.csv";
  /** A run's set; results.json moves in first, so a model never stands without its results. */
  public static final List<String> RUN_FILES = List.of(ResultsJson.FILE, REPORT_MD, REPORT_HTML,
      RunArtifacts.MODEL_FILE, RunArtifacts.BACKQUERY_DIR);
  /** What {@link #publishReport} rebuilds: never the results it reads. */
  public static final List<String> RUN_REPORT = List.of(REPORT_MD, REPORT_HTML);
  /** A sweep's report set; its {@code results.jsonl} is the sweep's, not the report's. */
  public static final List<String> SWEEP_REPORT = List.of(TRIALS_CSV, REPORT_MD, REPORT_HTML);

  /**
   * Told the name of each file of a set once it stands, whole, in the staging folder, before the
   * set is published: {@code model.nnlab} (with {@code backquery/}), {@code results.json},
   * {@code trials.csv}, {@code report.md}, {@code report.html}. Called on the writing thread.
   */
  @FunctionalInterface
  public interface Listener {
    /** Does nothing. */
    Listener NONE = file -> { };

    void written(String file);
  }

  private final Listener listener;

  /** A writer that tells no one about its files. */
  public ReportWriter() {
    this(Listener.NONE);
  }

  /** A writer that tells {@code listener} about each file as it is written (for progress, or tests). */
  public ReportWriter(Listener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Writes a finished run's whole set into {@code dir}: {@code results.json}, {@code model.nnlab},
   * {@code backquery/}, {@code report.md} and {@code report.html}, holding the folder meanwhile.
   *
   * @throws org.nnlab.output.OutputException when another process holds {@code dir}
   */
  public void writeRun(ExperimentRun run, Path dir) throws IOException {
    try (OutputFolder folder = OutputFolder.open(dir)) {
      publish(run, folder);
    }
  }

  /**
   * Writes a sweep's report set into {@code dir}: {@code trials.csv}, {@code report.md} and
   * {@code report.html}, from {@code trials} (as {@code nnlab.sweep} returns them), holding the
   * folder meanwhile. When {@code dir} holds the sweep's {@code results.jsonl}, the report lists
   * the trials in the order they finished there; otherwise in the order given.
   *
   * @throws org.nnlab.output.OutputException when another process holds {@code dir}
   */
  public void writeSweep(List<TrialResult> trials, Path dir) throws IOException {
    try (OutputFolder folder = OutputFolder.open(dir)) {
      publishSweep(trials, folder);
    }
  }

  /** As {@link #writeRun}, into a folder the caller holds. */
  public void publish(ExperimentRun run, OutputFolder folder) throws IOException {
    folder.publish(RUN_FILES, staging -> {
      // model.nnlab and backquery/label-N.png first: the HTML report shows the back-query images
      RunArtifacts.write(run, staging);
      listener.written(RunArtifacts.MODEL_FILE);
      ResultsJson.write(run.result(), staging.resolve(ResultsJson.FILE));
      listener.written(ResultsJson.FILE);
      writeReport(run.result(), staging, staging);
    });
  }

  /** report.md and report.html of one run, rebuilt from its results; results and model stay as they are. */
  public void publishReport(ExperimentResult result, OutputFolder folder) throws IOException {
    folder.publish(RUN_REPORT, staging -> writeReport(result, staging, folder.dir()));
  }

  /**
   * As {@link #writeSweep}, into a folder the caller holds.
   *
   * @throws IllegalArgumentException when {@code trials} is empty: there is nothing to report
   */
  public void publishSweep(List<TrialResult> trials, OutputFolder folder) throws IOException {
    if (trials.isEmpty()) {
      throw new IllegalArgumentException("no trial to report for " + folder.dir());
    }
    // in the order results.jsonl holds them, the order they finished: what a rebuild from the file sees
    Map<String, Integer> finished = new HashMap<>();
    ResultsStore.readAll(folder.dir().resolve(ResultsStore.FILE))
        .forEach(t -> finished.putIfAbsent(t.trial(), finished.size()));
    // one entry per trial: a random plan that drew a point twice lists its trial twice
    Map<String, TrialResult> unique = new LinkedHashMap<>();
    trials.forEach(t -> unique.putIfAbsent(t.trial(), t));
    List<TrialResult> inOrder = new ArrayList<>(unique.values());
    inOrder.sort(Comparator.comparingInt(t -> finished.getOrDefault(t.trial(), Integer.MAX_VALUE)));
    // the best point as the sweep chose it (sweep.choose, recorded in the folder's sweep.json)
    SweepSummary summary = SweepSummary.of(inOrder, SweepIdentity.rankingIn(folder.dir()));
    folder.publish(SWEEP_REPORT, staging -> {
      write(staging.resolve(TRIALS_CSV), TrialsCsv.render(summary));
      write(staging.resolve(REPORT_MD), SweepMarkdown.render(summary));
      write(staging.resolve(REPORT_HTML), HtmlReport.sweep(summary, folder.dir()));
    });
  }

  /** The two report files; {@code images} is the folder whose backquery/ the HTML shows. */
  private void writeReport(ExperimentResult result, Path staging, Path images) throws IOException {
    write(staging.resolve(REPORT_MD), MarkdownReport.render(result));
    write(staging.resolve(REPORT_HTML), HtmlReport.run(result, images));
  }

  private void write(Path file, String text) throws IOException {
    AtomicFiles.write(file, text); // forced to disk before the set is committed
    listener.written(file.getFileName().toString());
  }
}

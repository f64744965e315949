package org.nnlab.cli;

import com.google.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nnlab.data.DataLocations;
import org.nnlab.data.Dataset;
import org.nnlab.data.DatasetFetcher;
import org.nnlab.data.DatasetImporter;
import org.nnlab.data.DatasetInfo;
import org.nnlab.data.DatasetLoader;
import org.nnlab.data.Datasets;
import org.nnlab.data.DefaultDatasetLoader;
import org.nnlab.data.FetchProgress;
import org.nnlab.data.KnownDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code nnlab data fetch|import|info}: get the named datasets into the data directory and look
 * at any dataset. Bad input (an unknown name, a file that is not the original, a failed download)
 * is one line on stderr and exit 2.
 */
@Command(name = "data", description = "Fetch, import and inspect datasets.",
    subcommands = {DataCommand.Fetch.class, DataCommand.Import.class, DataCommand.Info.class})
final class DataCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return Main.BAD_INPUT;
  }

  /** The data directory option every subcommand shares. */
  static final class Dir {
    @Option(names = "--data-dir", paramLabel = "DIR",
        description = "data directory (default: $NNLAB_DATA, else ~/.nnlab/data)")
    Path dataDir;

    DataLocations locations() {
      return dataDir == null ? DataLocations.standard() : DataLocations.of(dataDir.toAbsolutePath());
    }
  }

  @Command(name = "fetch", description = "Download a named dataset's original files (SHA-256 checked).")
  static final class Fetch implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "mnist or fashion-mnist") String name;

    @Option(names = "--mirror", paramLabel = "URL",
        description = "base URL to try instead of the default mirrors (repeatable, tried in order)")
    List<String> mirrors = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
        description = "give up on a mirror that sends nothing for this long (default: ${DEFAULT-VALUE}, at most 3600)")
    double timeout;

    @Option(names = "--deadline", paramLabel = "SECONDS", defaultValue = "600",
        description = "give up on a mirror whose file is not done after this long (default: ${DEFAULT-VALUE},"
            + " at most 86400)")
    double deadline;

    @Mixin Dir dir;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      Duration read = seconds("--timeout", timeout, 3_600);
      Duration total = seconds("--deadline", deadline, 86_400);
      KnownDataset dataset = KnownDataset.require(name);
      PrintWriter out = spec.commandLine().getOut();
      DatasetFetcher fetcher = DatasetFetcher.into(dir.locations().dataDir())
          .withReadTimeout(read)
          .withDeadline(total)
          .withProgress(new DownloadProgress(out));
      if (!mirrors.isEmpty()) {
        try {
          fetcher = fetcher.withMirrors(mirrors);
        } catch (IllegalArgumentException e) {
          throw new UserInputException(e.getMessage());
        }
      }
      Path where = fetcher.fetch(dataset);
      out.println(dataset.id() + ": " + dataset.files().size() + " files verified in " + where);
      return Main.OK;
    }

    private static Duration seconds(String option, double value, double max) {
      if (!(value >= 0.001 && value <= max)) {
        throw new UserInputException(option + " must lie in 0.001.." + (long) max + " seconds, found " + value);
      }
      return Duration.ofMillis((long) (value * 1000));
    }
  }

  @Command(name = "import", description = "Check files you have against the originals' SHA-256 and copy them in.")
  static final class Import implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "mnist or fashion-mnist") String name;

    @Parameters(index = "1", paramLabel = "DIR", description = "folder holding the four IDX files (plain or .gz)")
    Path from;

    @Mixin Dir dir;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      KnownDataset dataset = KnownDataset.require(name);
      Path where = new DatasetImporter(dir.locations().dataDir()).importFrom(dataset, from.toAbsolutePath());
      spec.commandLine().getOut().println(
          dataset.id() + ": " + dataset.files().size() + " original files verified and copied to " + where);
      return Main.OK;
    }
  }

  @Command(name = "info", description = "Counts, shape, label histogram and SHA-256 of a dataset.")
  static final class Info implements Callable<Integer> {
    @Parameters(paramLabel = "NAME|PATH", arity = "1..*",
        description = "a named dataset (mnist-sample, mnist:test, …), an IDX/CSV/PNG file, or a folder")
    List<String> targets;

    @Mixin Dir dir;
    @Spec CommandSpec spec;

    private final DatasetLoader injected;

    @Inject
    Info(DatasetLoader loader) {
      this.injected = loader;
    }

    @Override
    public Integer call() {
      DatasetLoader loader = dir.dataDir == null ? injected : new DefaultDatasetLoader(dir.locations());
      PrintWriter out = spec.commandLine().getOut();
      for (String target : targets) {
        for (Dataset d : Datasets.resolve(loader, target)) {
          out.print(DatasetInfo.of(d).format());
        }
      }
      out.flush(); // print() does not flush an auto-flushing PrintWriter
      return Main.OK;
    }
  }

  /** One line per finished file when not on a terminal; a running percentage on one. */
  static final class DownloadProgress implements FetchProgress {
    private final PrintWriter out;
    private final boolean terminal = System.console() != null;
    private int lastPercent = -1;

    DownloadProgress(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void update(String file, long done, long total) {
      if (total > 0 && done == total) {
        lastPercent = -1;
        if (terminal) {
          System.err.print("\r");
        }
        out.printf(Locale.ROOT, "%s: %,d bytes%n", file, total);
      } else if (terminal && total > 0) {
        int percent = (int) (100 * done / total);
        if (percent != lastPercent) {
          lastPercent = percent;
          System.err.printf(Locale.ROOT, "\r%s: %d%%", file, percent);
        }
      }
    }
  }
}

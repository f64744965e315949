package org.nnlab.cli;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.nnlab.experiment.EpochStats;
import org.nnlab.experiment.ExperimentResult;
import org.nnlab.serve.LiveRun;
import org.nnlab.serve.LiveSweep;
import org.nnlab.serve.PageSource;
import org.nnlab.serve.ReportServer;
import org.nnlab.sweep.Trial;
import org.nnlab.sweep.TrialResult;
import org.nnlab.training.EpochResult;
import org.nnlab.training.TrainingListener;

/**
 * Starts {@code --serve}: a {@link ReportServer} on the command's live page, and a Prometheus
 * registry added to the command's meter registry for {@code /metrics}. The only class of the CLI
 * that names the serve module's classes; loaded only when {@code --serve} is given.
 *
 * <p>At the end the page's source ends and the server stops once open pages have the final state
 * ({@link ReportServer#close}): no fixed wait. With {@code --keep-serving} it serves the finished
 * page until Ctrl-C.
 */
final class LiveServe {
  private LiveServe() {}

  /** What both commands' live views share: how they end. */
  private abstract static class Served implements LiveView {
    private final PageSource source;
    private final ReportServer server;
    private final ServeOptions options;
    private final PrintWriter out;

    Served(PageSource source, ReportServer server, ServeOptions options, PrintWriter out) {
      this.source = source;
      this.server = server;
      this.options = options;
      this.out = out;
    }

    @Override
    public void linger(int exitCode) {
      if (!options.keep) {
        return;
      }
      source.end();
      out.println("finished; still serving " + server.uri() + " (Ctrl-C stops)");
      out.flush();
      // Ctrl-C ends serving, not the command: its exit code stays, as a worker's does
      Thread hook = new Thread(() -> {
        server.close();
        out.flush();
        Runtime.getRuntime().halt(exitCode);
      }, "nnlab-stop-serving");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        new CountDownLatch(1).await(); // only an interrupt (in-process callers) or Ctrl-C ends it
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // the hook runs: it stops the server and ends the process
        }
      }
    }

    @Override
    public void close() {
      source.end();
      server.close();
    }
  }

  static LiveView sweep(String name, Path dir, ServeOptions options, MeterRegistry meters, PrintWriter out) {
    LiveSweep live = new LiveSweep(name, dir);
    ReportServer server = start(live, options, meters, out);
    return new Served(live, server, options, out) {
      @Override
      public void resumed(List<TrialResult> stored) {
        live.resumed(stored);
      }

      @Override
      public void onPlanned(int total, int done) {
        live.onPlanned(total, done);
      }

      @Override
      public void onTrial(TrialResult result, int done, int total) {
        live.onTrial(result, done, total);
      }

      @Override
      public void onTrialStarted(Trial trial, int epochs) {
        live.onTrialStarted(trial, epochs);
      }

      @Override
      public void onEpoch(Trial trial, EpochStats epoch, String member) {
        live.onEpoch(trial, epoch, member);
      }
    };
  }

  static LiveView run(String name, long seed, int epochs, String config, Path dir, ServeOptions options,
      MeterRegistry meters, PrintWriter out) {
    LiveRun live = new LiveRun(name, seed, epochs, config, dir);
    ReportServer server = start(live, options, meters, out);
    TrainingListener perEpoch = EpochStats.listener(live::epoch);
    return new Served(live, server, options, out) {
      @Override
      public void onValidated(EpochResult e, double validationAccuracy) {
        perEpoch.onValidated(e, validationAccuracy);
      }

      @Override
      public void onEvaluated(EpochResult e, double accuracy) {
        perEpoch.onEvaluated(e, accuracy);
      }

      @Override
      public void finished(ExperimentResult result) {
        live.finished(result);
      }
    };
  }

  /** {@code nnlab serve}: the folders under {@code dirs}; its /metrics shows this process's own meters only. */
  static AutoCloseable folders(List<Path> dirs, ServeOptions options, PrintWriter out) {
    ReportServer server = listen(() -> ReportServer.folders(dirs, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
        options.address()), options, "--port PORT");
    out.println("serving " + server.uri() + " (" + dirs.size() + " folder(s); Ctrl-C stops)");
    return server;
  }

  private static ReportServer start(PageSource source, ServeOptions options, MeterRegistry meters, PrintWriter out) {
    ReportServer server = listen(() -> ReportServer.live(source, prometheus(meters), options.address()),
        options, "--serve PORT");
    out.println("serving " + server.uri() + " (live page; /metrics for Prometheus)");
    return server;
  }

  /** The server {@code start} opens; a port in use is bad input, with the option that picks another. */
  private static ReportServer listen(Callable<ReportServer> start, ServeOptions options, String option) {
    try {
      return start.call();
    } catch (BindException e) {
      throw new UserInputException("cannot serve on " + options.bind + ":" + options.port + ": " + e.getMessage()
          + "; choose another port with " + option + " (0: any free one)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A Prometheus registry that sees every meter of the command from now on. */
  static PrometheusMeterRegistry prometheus(MeterRegistry meters) {
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    if (meters instanceof CompositeMeterRegistry composite) {
      composite.add(prometheus);
    }
    return prometheus;
  }
}

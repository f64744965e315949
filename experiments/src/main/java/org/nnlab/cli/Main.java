package org.nnlab.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.util.Set;
import org.nnlab.NnlabException;
import org.nnlab.inject.NnlabModule;
import org.nnlab.metrics.MetricsOptions;
import org.nnlab.io.JvmMemory;
import org.nnlab.io.Printable;
import org.nnlab.network.TrainingEngine;
import org.nnlab.report.ReportWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code nnlab} command: the composition root, and the only place an injector is created.
 * Exit codes: 0 ok, 1 a rule error or a diverged run, 2 bad input (any {@link NnlabException}, bad
 * arguments).
 */
@Command(
    name = "nnlab",
    mixinStandardHelpOptions = true,
    scope = CommandLine.ScopeType.INHERIT, // so `nnlab run --help` works like `nnlab help run`
    versionProvider = Main.Version.class,
    description = "Rule-checked neural-network experiments: the book's sigmoid network, declared in YAML.",
    subcommands = {
      RunCommand.class, CheckCommand.class, SweepCommand.class, ReportCommand.class,
      QueryCommand.class, BackqueryCommand.class, ExportCommand.class, ImportCommand.class,
      DataCommand.class, BenchCommand.class, WorkerCommand.class, ServeCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main {
  @CommandLine.Option(
      names = "--verbose",
      scope = CommandLine.ScopeType.INHERIT,
      description = "print stack traces for errors; with a cluster, Hazelcast's INFO lines too")
  boolean verbose;

  public static final int OK = 0;
  public static final int RULE_ERROR = 1;
  public static final int BAD_INPUT = 2;

  /** The commands that train, and so want the JIT warm-up started at once. */
  private static final Set<String> TRAINS = Set.of("run", "sweep", "bench", "worker");

  public static void main(String[] args) {
    // Guice's generated fast-class bytecode costs ~0.3 s of start-up and buys nothing for a
    // one-shot command (no interceptors here): plain reflection is enough.
    if (System.getProperty("guice_bytecode_gen_option") == null) {
      System.setProperty("guice_bytecode_gen_option", "DISABLED");
    }
    // a sweep's coordinator (--cluster) trains nothing itself: its cores are the workers' on one machine
    boolean coordinates = java.util.Arrays.stream(args).anyMatch(a -> a.equals("--cluster") || a.startsWith("--cluster="));
    if (args.length > 0 && TRAINS.contains(args[0]) && !coordinates) {
      // the vector loops compile (~1 s of JIT work) while Guice starts and the data is read
      TrainingEngine.warmUpInBackground();
    }
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams; returns the exit code. For tests and embedding. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    // a composite, so that --serve can add a Prometheus registry once the command line is read; a
    // command's meters stay until it exits, so that /metrics shows every trial of a sweep
    CompositeMeterRegistry meters = new CompositeMeterRegistry();
    meters.add(new SimpleMeterRegistry());
    Injector injector = Guice.createInjector(Modules.override(new NnlabModule()).with(binder -> {
      binder.bind(MeterRegistry.class).toInstance(meters);
      binder.bind(MetricsOptions.class).toInstance(MetricsOptions.KEEP);
      binder.bind(ReportWriter.class).toInstance(new ReportWriter(TestPause::after));
    }));
    CommandLine cli = new CommandLine(new Main(), new GuiceFactory(injector));
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(Main::handle);
    cli.setParameterExceptionHandler((ex, a) -> {
      ex.getCommandLine().getErr().println("nnlab: " + ex.getMessage());
      ex.getCommandLine().getErr().println("try: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help");
      return BAD_INPUT;
    });
    try {
      return cli.execute(args);
    } catch (OutOfMemoryError e) {
      // what is still too large after the checks made before allocating (data beside a network, …)
      err.println("nnlab: out of memory: " + Printable.message(String.valueOf(e.getMessage())) + "; "
          + JvmMemory.budget() + "; allow more with NNLAB_JAVA_OPTS=-Xmx…, or shrink the network or data");
      return BAD_INPUT;
    }
  }

  /** Whether {@code --verbose} was given to {@code spec}'s command or to a command above it. */
  static boolean verbose(CommandLine.Model.CommandSpec spec) {
    for (CommandLine c = spec.commandLine(); c != null; c = c.getParent()) {
      if (c.getParseResult() != null && c.getParseResult().hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }

  /** Bad input becomes one line on stderr and exit 2; a stack trace only with --verbose. */
  private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    boolean verbose = false;
    for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
      verbose |= p.hasMatchedOption("--verbose");
    }
    PrintWriter err = cli.getErr();
    if (e instanceof NnlabException || e instanceof UserInputException) {
      // messages quote values from files and arguments: no control bytes reach the terminal
      err.println("nnlab: " + Printable.message(e instanceof NnlabException n ? CliHints.message(n) : e.getMessage()));
      String hint = e instanceof NnlabException n ? CliHints.hint(n) : null;
      if (hint != null) {
        err.println(hint);
      }
      if (verbose) {
        e.printStackTrace(err);
      }
      return BAD_INPUT;
    }
    if (e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException) {
      // the environment, not nnlab: a full disk, a folder that vanished, a file without permission
      err.println("nnlab: I/O error: " + Printable.message(e.getMessage()));
      if (verbose) {
        e.printStackTrace(err);
      }
      return BAD_INPUT;
    }
    err.println("nnlab: internal error: " + e);
    e.printStackTrace(err);
    return 3;
  }

  /** Reads the version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"nnlab " + (v == null ? "0.1.0-dev" : v),
          "java " + System.getProperty("java.version") + ", " + System.getProperty("os.name")};
    }
  }
}

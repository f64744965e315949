package org.nnlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code nnlab serve DIR… [--port P] [--bind ADDR]}: serves every run and sweep folder under the
 * given directories, running or finished — an index and each one's live page — until stopped.
 */
@Command(name = "serve", description = "Serve the report pages of every run and sweep folder under DIR… (until Ctrl-C).")
final class ServeCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "DIR", description = "folders holding run and sweep folders")
  List<Path> dirs;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + ServeOptions.DEFAULT_PORT,
      description = "port to listen on (default: ${DEFAULT-VALUE}; 0: any free port)")
  int port;

  @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
      description = "address to listen on (default: ${DEFAULT-VALUE}, this machine only)")
  String bind;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    for (Path d : dirs) {
      if (!Files.isDirectory(d)) {
        throw new UserInputException("serve: " + d + " is not a folder; give folders that hold run or sweep folders");
      }
    }
    ServeOptions options = new ServeOptions();
    options.port = port;
    options.bind = bind;
    PrintWriter out = spec.commandLine().getOut();
    try (AutoCloseable server = LiveServe.folders(dirs, options, out)) {
      Thread.currentThread().join(); // until Ctrl-C (or, embedded, an interrupt)
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      if (e instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException(e);
    }
    return Main.OK;
  }
}

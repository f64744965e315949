package org.nnlab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the command line in-process and keeps what it printed. */
record CliRun(int exit, String out, String err) {
  /** The repository's configs folder, seen from the experiments module. */
  static final Path CONFIGS = Path.of("..", "configs");

  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new CliRun(exit, out.toString(), err.toString());
  }

  static String config(String name) {
    return CONFIGS.resolve(name).toString();
  }
}

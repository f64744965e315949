package org.nnlab.cli;

import java.net.InetSocketAddress;
import picocli.CommandLine.Option;

/**
 * {@code --serve [PORT]}, {@code --bind ADDR} and {@code --keep-serving}: serve the live page while a
 * command runs, and after it when asked.
 */
final class ServeOptions {
  /** The port when {@code --serve} is given without one. */
  static final int DEFAULT_PORT = 8765;

  @Option(names = "--serve", arity = "0..1", paramLabel = "PORT", fallbackValue = "" + DEFAULT_PORT,
      description = "serve the live page and /metrics at http://127.0.0.1:PORT/ while this runs "
          + "(PORT default " + DEFAULT_PORT + "; 0: any free port)")
  Integer port;

  @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
      description = "the address --serve listens on (default: ${DEFAULT-VALUE}, this machine only)")
  String bind;

  @Option(names = "--keep-serving", description = "with --serve: once it has ended, keep serving the finished page "
      + "and /metrics until Ctrl-C (the exit code stays the command's)")
  boolean keep;

  boolean enabled() {
    return port != null;
  }

  /** Exit 2 for a port out of range, or {@code --keep-serving} without {@code --serve}, before anything is written. */
  void check() {
    if (enabled()) {
      address();
    } else if (keep) {
      throw new UserInputException("--keep-serving needs --serve [PORT]: there is nothing to keep serving");
    }
  }

  /** Where to listen; exit 2 for a port out of range. */
  InetSocketAddress address() {
    if (port == null || port < 0 || port > 65535) {
      throw new UserInputException("--serve/--port must be a port from 0 to 65535, found " + port);
    }
    return new InetSocketAddress(bind, port);
  }
}

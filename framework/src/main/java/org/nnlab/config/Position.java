package org.nnlab.config;

import java.nio.file.Path;
import java.util.Objects;
import org.nnlab.io.Printable;

/**
 * Where a config value was written: a file with a 1-based line and column, or a command-line
 * override such as {@code --set network.layers[1]}, which has no line.
 *
 * <p>Use it to prefix error messages: {@code position + ": " + what is wrong}. The folder is where
 * relative paths written at this position are resolved: the YAML file's folder, or the working
 * directory for a {@code --set} value.
 *
 * <pre>{@code
 * Position p = node.position();
 * throw new ConfigException(p + ": training.epochs must be ≥ 1, found 0");
 * }</pre>
 *
 * @param source the file name as the user gave it, or {@code --set KEY}
 * @param folder the absolute folder relative paths written here resolve against
 * @param line 1-based line, or 0 when the source has no lines
 * @param column 1-based column, or 0 when the source has no lines
 */
public record Position(String source, Path folder, int line, int column) {
  public Position {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(folder, "folder");
  }

  /** The position of a {@code --set KEY=VALUE} override; its paths resolve against {@code folder}. */
  public static Position override(String keyPath, Path folder) {
    // the key is as typed: shown with its control characters escaped
    return new Position("--set " + Printable.clean(keyPath, Printable.MAX_VALUE), folder, 0, 0);
  }

  /** {@code file:line:column}, or the bare source when it has no lines. */
  @Override
  public String toString() {
    return line > 0 ? source + ":" + line + ":" + column : source;
  }
}

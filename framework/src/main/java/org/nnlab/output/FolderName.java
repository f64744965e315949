package org.nnlab.output;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rule a name must follow to name a folder: 1 to {@value #MAX_LENGTH} characters, each a
 * letter, a digit, {@code .}, {@code _} or {@code -}, and not starting with {@code .} (so never
 * {@code .} or {@code ..}, and never a hidden file). Such a name is one path element on every file
 * system nnlab runs on: {@link #resolve} can never leave its root.
 *
 * <pre>{@code
 * FolderName.problem("quickstart");   // empty: allowed
 * FolderName.problem("..");           // "must be a safe folder name, found '..'; allowed: …"
 * Path dir = FolderName.resolve(Path.of("runs"), config.name());   // runs/quickstart
 * }</pre>
 *
 * <p>100 characters leave room under the common 255-byte file-name limit for the suffixes nnlab
 * and its users add, and keep report titles and paths readable. Stateless.
 */
public final class FolderName {
  /** The longest name allowed. */
  public static final int MAX_LENGTH = 100;

  /** What is allowed, for messages. */
  public static final String ALLOWED = "1 to " + MAX_LENGTH
      + " letters, digits, '.', '_' or '-', not starting with '.'";

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

  private FolderName() {}

  /** What is wrong with {@code name} as a folder name, or empty when it is allowed. */
  public static Optional<String> problem(String name) {
    if (name == null || name.isEmpty()) {
      return Optional.of("must not be empty; allowed: " + ALLOWED);
    }
    if (name.length() > MAX_LENGTH) {
      return Optional.of("is " + name.length() + " characters long, found '" + printable(name.substring(0, 20))
          + "…'; allowed: " + ALLOWED);
    }
    if (!SAFE.matcher(name).matches()) {
      return Optional.of("must be a safe folder name, found '" + printable(name) + "'; allowed: " + ALLOWED);
    }
    return Optional.empty();
  }

  /**
   * {@code root.resolve(name)} for an allowed name.
   *
   * @throws IllegalArgumentException naming what is wrong with {@code name}
   */
  public static Path resolve(Path root, String name) {
    problem(name).ifPresent(p -> {
      throw new IllegalArgumentException("name " + p);
    });
    return root.resolve(name);
  }

  /** The name with control characters shown as '?', so a message stays one line. */
  private static String printable(String name) {
    StringBuilder b = new StringBuilder(name.length());
    name.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return b.toString();
  }
}

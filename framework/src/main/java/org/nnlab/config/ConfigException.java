package org.nnlab.config;

/**
 * A config that cannot be read: malformed YAML, an unknown key, a wrong type or an out-of-range
 * value. The message is one line: {@code file:line:column: key.path what is wrong; what is allowed}.
 * The command line turns it into exit code 2.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}

package org.nnlab.config;

import org.nnlab.NnlabException;

/**
 * A config that cannot be read: malformed YAML, an unknown key, a wrong type or an out-of-range
 * value. The message is one line: {@code file:line:column: key.path what is wrong; what is allowed}.
 * One kind of {@link NnlabException}.
 */
public final class ConfigException extends NnlabException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}

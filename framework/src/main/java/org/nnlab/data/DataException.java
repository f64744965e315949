package org.nnlab.data;

/**
 * Data that cannot be used: a missing or unreadable file, a wrong magic number, a truncated file,
 * counts that do not match, a label outside the output layer. The message names the file, the record
 * or byte offset, and what was expected. The command line turns it into exit code 2.
 */
public final class DataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DataException(String message) {
    super(message);
  }

  public DataException(String message, Throwable cause) {
    super(message, cause);
  }
}

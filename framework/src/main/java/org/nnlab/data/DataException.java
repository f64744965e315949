package org.nnlab.data;

import org.nnlab.NnlabException;

/**
 * Data that cannot be used: a missing or unreadable file, a wrong magic number, a truncated file,
 * counts that do not match, a label outside the output layer. The message names the file, the record
 * or byte offset, and what was expected. One kind of {@link NnlabException}.
 */
public final class DataException extends NnlabException {
  private static final long serialVersionUID = 1L;

  /** The id of a known dataset that is not on this machine, when that is the problem. */
  private final String missingDataset;

  public DataException(String message) {
    this(message, (Throwable) null);
  }

  public DataException(String message, Throwable cause) {
    super(message, cause);
    this.missingDataset = null;
  }

  private DataException(String message, String missingDataset) {
    super(message);
    this.missingDataset = missingDataset;
  }

  /** The known dataset {@code id} is not installed; {@code message} says where it was looked for. */
  public static DataException notInstalled(String id, String message) {
    return new DataException(message, id);
  }

  /** The known dataset that is not installed, when this is what went wrong: a host may fetch it. */
  public java.util.Optional<String> missingDataset() {
    return java.util.Optional.ofNullable(missingDataset);
  }
}

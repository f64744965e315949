package org.nnlab.model;

import org.nnlab.NnlabException;

/**
 * A model file or NumPy weight folder that cannot be used: not a model file, truncated, corrupt
 * (checksum mismatch), an unsupported version or dtype, or weights whose shapes do not fit the
 * network. The message is one line naming the file and what is wrong. One kind of {@link NnlabException}.
 */
public final class ModelException extends NnlabException {
  private static final long serialVersionUID = 1L;

  public ModelException(String message) {
    super(message);
  }

  public ModelException(String message, Throwable cause) {
    super(message, cause);
  }
}

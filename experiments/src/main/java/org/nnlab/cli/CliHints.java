package org.nnlab.cli;

import org.nnlab.NnlabException;
import org.nnlab.data.DataException;
import org.nnlab.output.OutputException;

/**
 * The command line's words for what the library says in its own: a library message names library
 * calls and config keys ({@code resume = true}, "another folder"); here they become the options a
 * user types ({@code --resume}, {@code --out}), and a missing dataset gets the command that fetches it.
 */
final class CliHints {
  private CliHints() {}

  /** The line to print for {@code e}: its message in the command line's words. */
  static String message(NnlabException e) {
    String m = e.getMessage();
    if (e instanceof OutputException) {
      m = m.replace("claim it with resume = true", "add --resume")
          .replace("the same config and overrides", "the same config and --set values")
          .replace("another folder", "another --out");
    }
    return m;
  }

  /** A second line saying which command helps, or null. */
  static String hint(NnlabException e) {
    if (e instanceof DataException d && d.missingDataset().isPresent()) {
      String id = d.missingDataset().get();
      return "try: nnlab data fetch " + id + ", or nnlab data import " + id + " DIR";
    }
    return null;
  }
}

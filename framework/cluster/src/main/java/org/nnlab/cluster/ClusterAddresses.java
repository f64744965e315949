package org.nnlab.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the {@code HOST:PORT,…} lists that {@code --cluster} and {@code --join} take.
 *
 * <pre>{@code
 * ClusterAddresses.parse("--cluster", "10.0.0.5:5701,10.0.0.6:5701");   // [10.0.0.5:5701, 10.0.0.6:5701]
 * }</pre>
 */
public final class ClusterAddresses {
  // a host name, an IPv4 address, or an IPv6 address in brackets; then a port
  private static final Pattern ADDRESS = Pattern.compile("([A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+\\]):([0-9]{1,5})");

  private ClusterAddresses() {}

  /**
   * The addresses of {@code text}, in order.
   *
   * @param option names the list in messages ({@code --cluster})
   * @throws IllegalArgumentException naming the offending entry and what is allowed
   */
  public static List<String> parse(String option, String text) {
    List<String> addresses = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      String entry = part.trim();
      Matcher m = ADDRESS.matcher(entry);
      if (!m.matches()) {
        throw new IllegalArgumentException(option + ": '" + entry + "' is not HOST:PORT; allowed: a comma-separated "
            + "list such as 10.0.0.5:5701,10.0.0.6:5701");
      }
      int port = Integer.parseInt(m.group(2));
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException(option + ": port " + port + " in '" + entry + "' is out of range; "
            + "allowed: 1–65535");
      }
      addresses.add(entry);
    }
    return List.copyOf(addresses);
  }
}

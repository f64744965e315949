package org.nnlab.cluster;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hazelcast's console output: warnings only, or everything. Members and coordinators log through
 * {@code java.util.logging} ({@code hazelcast.logging.type=jdk}); at INFO a member writes some 300
 * lines as it starts and joins, which would bury a sweep's own lines.
 *
 * <pre>{@code
 * ClusterLogging.show(verbose);   // in main, before the first member or client starts
 * }</pre>
 *
 * <p>Caveat: this sets the level of the JVM-wide logger {@code com.hazelcast} — the one piece of
 * global state this module touches, and only when called. A host with its own logging set-up need
 * not call it.
 */
public final class ClusterLogging {
  // held here: java.util.logging keeps loggers weakly, and a collected logger forgets its level
  private static final Logger HAZELCAST = Logger.getLogger("com.hazelcast");

  private ClusterLogging() {}

  /** Shows Hazelcast's INFO lines when {@code verbose}, else its warnings and errors only. */
  public static void show(boolean verbose) {
    HAZELCAST.setLevel(verbose ? Level.INFO : Level.WARNING);
  }
}

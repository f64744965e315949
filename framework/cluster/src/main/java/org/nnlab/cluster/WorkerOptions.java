package org.nnlab.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a {@link ClusterWorker} joins its cluster: the address it binds to, its port, the members it
 * contacts first, the cluster's name and how many trials it trains at once. Validated once, here.
 *
 * <pre>{@code
 * WorkerOptions options = WorkerOptions.defaults()
 *     .withBind("10.0.0.5").withJoin(List.of("10.0.0.6:5701")).withThreads(8);
 * }</pre>
 *
 * @param bind the interface's address (an IP); default {@code 127.0.0.1}, so a worker is not
 *     reachable from other machines unless asked to be
 * @param port the port to listen on; default {@value #DEFAULT_PORT}
 * @param portAutoIncrement whether a taken port moves on to the next free one (up to 100 further)
 * @param join {@code host:port} of members to contact; empty for the first member
 * @param clusterName members and coordinators only meet when their names match; default {@value #DEFAULT_NAME}
 * @param threads trials trained at once; default the cores
 * @param properties further Hazelcast properties ({@code hazelcast.max.no.heartbeat.seconds} …),
 *     applied last; they override nnlab's choices, so keep them to tuning (tests set
 *     {@code hazelcast.wait.seconds.before.join=0})
 */
public record WorkerOptions(
    String bind, int port, boolean portAutoIncrement, List<String> join, String clusterName, int threads,
    Map<String, String> properties) {
  public static final int DEFAULT_PORT = 5701;
  public static final String DEFAULT_NAME = "nnlab";
  public static final String DEFAULT_BIND = "127.0.0.1";

  public WorkerOptions {
    Objects.requireNonNull(bind, "bind");
    if (bind.isBlank()) {
      throw new IllegalArgumentException("bind must be an IP address such as 10.0.0.5, found ''");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be in 1–65535, found " + port);
    }
    join = List.copyOf(join);
    Objects.requireNonNull(clusterName, "clusterName");
    if (clusterName.isBlank()) {
      throw new IllegalArgumentException("cluster name must not be blank");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be ≥ 1, found " + threads);
    }
    properties = Map.copyOf(new LinkedHashMap<>(properties));
  }

  /** A first member on 127.0.0.1:5701 (or the next free port) of cluster "nnlab", one thread per core. */
  public static WorkerOptions defaults() {
    return new WorkerOptions(DEFAULT_BIND, DEFAULT_PORT, true, List.of(), DEFAULT_NAME,
        Runtime.getRuntime().availableProcessors(), Map.of());
  }

  public WorkerOptions withBind(String address) {
    return new WorkerOptions(address, port, portAutoIncrement, join, clusterName, threads, properties);
  }

  /** Listens on exactly {@code number}: a taken port is an error, not a move to the next. */
  public WorkerOptions withPort(int number) {
    return new WorkerOptions(bind, number, false, join, clusterName, threads, properties);
  }

  public WorkerOptions withJoin(List<String> members) {
    return new WorkerOptions(bind, port, portAutoIncrement, members, clusterName, threads, properties);
  }

  public WorkerOptions withClusterName(String name) {
    return new WorkerOptions(bind, port, portAutoIncrement, join, name, threads, properties);
  }

  public WorkerOptions withThreads(int count) {
    return new WorkerOptions(bind, port, portAutoIncrement, join, clusterName, count, properties);
  }

  /** These options with Hazelcast property {@code name} set to {@code value}. */
  public WorkerOptions withProperty(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(properties);
    more.put(name, value);
    return new WorkerOptions(bind, port, portAutoIncrement, join, clusterName, threads, more);
  }
}

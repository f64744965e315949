package org.nnlab.cluster;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.ClassFilter;
import com.hazelcast.config.Config;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The Hazelcast settings of nnlab's members and coordinators, safe by default: TCP-IP join with an
 * explicit member list (no multicast, no cloud auto-detection), one bound interface, no phone-home,
 * Hazelcast's own shutdown hook off (the worker leaves the cluster itself), logging through
 * {@code java.util.logging} ({@link ClusterLogging}), and a Java deserialization allow-list.
 *
 * <p>The allow-list ({@link #serializationFilter}) admits nnlab's three message classes — {@link
 * TrialJob}, {@link TrialOutcome}, {@link TrialEpoch}: strings and numbers, no code — plus what carries an error
 * between members ({@code java.lang} exceptions and Hazelcast's own classes, with the list a
 * {@link Throwable} keeps its suppressed exceptions in). Anything else in a payload is refused
 * before it is built: {@code Resolving class X is not allowed}.
 *
 * <p>Caveat: open-source Hazelcast has no TLS and no authentication. These settings keep a member
 * off other interfaces and stop it from calling out; they do not make an untrusted network safe.
 */
final class HazelcastSettings {
  /** The durable executor every member runs trials on. */
  static final String EXECUTOR = "nnlab-trials";
  /** Each coordinator's topic for its trials' epochs: this followed by its client's UUID. */
  static final String EPOCH_TOPICS = "nnlab-epochs-";
  /** Member attributes a coordinator reads: the member's nnlab version and its trial threads. */
  static final String VERSION_ATTRIBUTE = "nnlab.version";
  static final String THREADS_ATTRIBUTE = "nnlab.threads";
  /** How long a coordinator looks for a cluster before it gives up (also after losing every member). */
  static final long CONNECT_TIMEOUT_MILLIS = 10_000;

  private HazelcastSettings() {}

  /** A member's config; {@code userContext} carries the {@link TrialTrainer} to its tasks. */
  static Config member(WorkerOptions options, String nnlabVersion, TrialTrainer trainer) {
    Config config = new Config();
    config.setClusterName(options.clusterName());
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.setProperty("hazelcast.logging.type", "jdk");
    config.setProperty("hazelcast.socket.bind.any", "false");
    // a worker stopped with Ctrl-C hands its trials over; past this it stops anyway
    config.setProperty("hazelcast.graceful.shutdown.max.wait", "60");

    NetworkConfig network = config.getNetworkConfig();
    network.setPort(options.port()).setPortAutoIncrement(options.portAutoIncrement());
    network.getInterfaces().setEnabled(true).addInterface(options.bind());
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    List<String> members = new ArrayList<>(options.join());
    members.add(options.bind() + ":" + options.port());
    join.getTcpIpConfig().setEnabled(true).setMembers(members);

    config.getSerializationConfig().setJavaSerializationFilterConfig(serializationFilter());
    config.getDurableExecutorConfig(EXECUTOR).setPoolSize(options.threads());
    config.getMemberAttributeConfig().setAttribute(VERSION_ATTRIBUTE, nnlabVersion);
    config.getMemberAttributeConfig().setAttribute(THREADS_ATTRIBUTE, Integer.toString(options.threads()));
    config.getUserContext().put(TrialTrainer.CONTEXT_KEY, trainer);
    options.properties().forEach(config::setProperty);
    return config;
  }

  /** A coordinator's (client's) config: the members to contact and the cluster's name. */
  static ClientConfig client(List<String> addresses, String clusterName) {
    ClientConfig config = new ClientConfig();
    config.setClusterName(clusterName);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.setProperty("hazelcast.logging.type", "jdk");
    config.getNetworkConfig().setAddresses(new ArrayList<>(addresses));
    config.getConnectionStrategyConfig().getConnectionRetryConfig()
        .setClusterConnectTimeoutMillis(CONNECT_TIMEOUT_MILLIS);
    config.getSerializationConfig().setJavaSerializationFilterConfig(serializationFilter());
    return config;
  }

  /** Java deserialization allow-list: nnlab's task classes, and what an error between members is made of. */
  static JavaSerializationFilterConfig serializationFilter() {
    ClassFilter allowed = new ClassFilter()
        .addClasses(TrialJob.class.getName(), TrialOutcome.class.getName(), TrialEpoch.class.getName())
        .addPrefixes("com.hazelcast.", "java.lang.")
        .addClasses("[Ljava.lang.StackTraceElement;", "[Ljava.lang.Throwable;", "java.util.ArrayList",
            "java.util.Collections$EmptyList", "java.util.Collections$UnmodifiableCollection",
            "java.util.Collections$UnmodifiableList", "java.util.Collections$UnmodifiableRandomAccessList");
    return new JavaSerializationFilterConfig().setDefaultsDisabled(true).setWhitelist(allowed);
  }
}

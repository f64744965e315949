package org.nnlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.serialization.SerializationClassNameFilter;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.nnlab.cluster.testsupport.LoopbackClusters;

/** Members deserialize nnlab's task classes and the parts of an error, nothing else. */
class SerializationFilterTest {

  /** A class a hostile payload might carry: building it (readObject) is the attack. */
  static final class Gadget implements Callable<String>, Serializable {
    private static final long serialVersionUID = 1L;
    static final AtomicBoolean BUILT = new AtomicBoolean();

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
      in.defaultReadObject();
      BUILT.set(true);
    }

    @Override
    public String call() {
      return "ran";
    }
  }

  @Test
  void filter_admitsTheTaskClassesAndErrors_refusesTheRest() {
    SerializationClassNameFilter filter = new SerializationClassNameFilter(HazelcastSettings.serializationFilter());
    filter.filter(TrialJob.class.getName());
    filter.filter(TrialOutcome.class.getName());
    filter.filter(TrialEpoch.class.getName());
    filter.filter(IllegalStateException.class.getName());
    filter.filter("[Ljava.lang.StackTraceElement;");
    filter.filter("com.hazelcast.core.HazelcastException");
    for (String refused : List.of(Gadget.class.getName(), "java.util.HashMap", "java.util.PriorityQueue",
        "org.apache.commons.collections.functors.InvokerTransformer", "javax.management.BadAttributeValueExpException",
        "org.nnlab.cluster.TrialJobEvil", "[Lorg.nnlab.cluster.Gadget;")) {
      assertThatThrownBy(() -> filter.filter(refused)).as(refused)
          .isInstanceOf(SecurityException.class).hasMessageContaining("Resolving class " + refused + " is not allowed");
    }
  }

  @Test
  void gadgetSubmittedAsATask_isRefusedBeforeItIsBuilt() throws Exception {
    String cluster = LoopbackClusters.uniqueName();
    try (ClusterWorker worker = LoopbackClusters.workers().start(LoopbackClusters.options(cluster, List.of(), 1),
        ClusterListener.NONE)) {
      // a client without nnlab's filter: what anyone on the network could send
      ClientConfig plain = new ClientConfig().setClusterName(cluster);
      plain.getNetworkConfig().addAddress(worker.address());
      plain.setProperty("hazelcast.logging.type", "jdk");
      HazelcastInstance attacker = HazelcastClient.newHazelcastClient(plain);
      try {
        Future<String> f = attacker.getDurableExecutorService(HazelcastSettings.EXECUTOR)
            .submitToKeyOwner(new Gadget(), "key");
        assertThatThrownBy(() -> f.get(20, TimeUnit.SECONDS))
            .hasMessageContaining("Resolving class " + Gadget.class.getName() + " is not allowed");
        assertThat(Gadget.BUILT).as("the member never ran the gadget's readObject").isFalse();
      } finally {
        attacker.shutdown();
      }
    }
  }
}

package org.nnlab.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.nnlab.io.JvmMemory;

/** The weight count is exact (checked against BigInteger) and saturates instead of overflowing. */
class NetworkSizeProperties {

  @Provide
  Arbitrary<List<Integer>> layers() {
    return Arbitraries.oneOf(Arbitraries.integers().between(1, 8), Arbitraries.integers().between(1, Integer.MAX_VALUE))
        .list().ofMinSize(2).ofMaxSize(6);
  }

  @Property(tries = 300)
  void weights_isTheExactSum_orSaturates(@ForAll("layers") List<Integer> layers) {
    BigInteger exact = BigInteger.ZERO;
    for (int k = 1; k < layers.size(); k++) {
      exact = exact.add(BigInteger.valueOf(layers.get(k)).multiply(BigInteger.valueOf(layers.get(k - 1))));
    }
    long expected = exact.bitLength() <= 63 ? exact.longValueExact() : Long.MAX_VALUE;
    assertThat(NetworkSize.weights(layers)).isEqualTo(expected);
  }

  @Property(tries = 300)
  void networkConfig_acceptsExactlyTheLayersWhoseMatricesFitInAnArray(@ForAll("layers") List<Integer> layers) {
    boolean fits = true;
    for (int k = 1; k < layers.size(); k++) {
      fits &= (long) layers.get(k) * layers.get(k - 1) <= JvmMemory.MAX_ARRAY;
    }
    boolean accepted;
    try {
      new NetworkConfig(layers, null, null);
      accepted = true;
    } catch (IllegalArgumentException e) {
      accepted = false;
      assertThat(e.getMessage()).startsWith("network.layers " + layers + ": ").doesNotContain("\n");
    }
    assertThat(accepted).isEqualTo(fits);
  }
}

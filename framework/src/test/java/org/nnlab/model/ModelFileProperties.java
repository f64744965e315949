package org.nnlab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.nnlab.config.ConfigWriter;
import org.nnlab.config.InputRange;
import org.nnlab.config.NetworkConfig;
import org.nnlab.config.Targets;
import org.nnlab.experiment.Provenance;
import org.nnlab.testsupport.RandomNetworks;
import org.nnlab.testsupport.TinyExperiments;

class ModelFileProperties {

  static Model model(int[] sizes, long seed) {
    Provenance p = new Provenance("sha256:abc", Map.of("train", "sha256:def"), seed, "0.1.0", "17", "Linux", "");
    // the config that trained it: a model file's config must bind and agree with its header
    String config = ConfigWriter.toYaml(TinyExperiments.config().withNetwork(
        new NetworkConfig(Arrays.stream(sizes).boxed().toList(), null, null)));
    return new Model(RandomNetworks.network(sizes, seed), new InputRange(0.01, 1.0), new Targets(0.01, 0.99),
        config, p);
  }

  @Provide
  Arbitrary<int[]> sizes() {
    return Arbitraries.integers().between(1, 8).array(int[].class).ofMinSize(2).ofMaxSize(4);
  }

  @Property(tries = 100)
  void load_ofSave_givesBitIdenticalQueryOutputs(@ForAll("sizes") int[] sizes, @ForAll long seed) {
    Model m = model(sizes, seed);
    Model back = ModelFile.decode(ModelFile.encode(m), "m.nnlab");
    assertThat(back.layerSizes()).containsExactly(sizes);
    for (int s = 0; s < 5; s++) {
      double[] x = RandomNetworks.inputs(sizes[0], seed + s);
      double[] a = m.query(x);
      double[] b = back.query(x);
      for (int i = 0; i < a.length; i++) {
        assertThat(Double.doubleToRawLongBits(b[i])).isEqualTo(Double.doubleToRawLongBits(a[i]));
      }
    }
    assertThat(back.inputs()).isEqualTo(m.inputs());
    assertThat(back.targets()).isEqualTo(m.targets());
    assertThat(back.config()).isEqualTo(m.config());
    assertThat(back.provenance()).isEqualTo(m.provenance());
  }

  @Property(tries = 100)
  void anyFlippedByte_isDetected(@ForAll("sizes") int[] sizes, @ForAll long seed, @ForAll @IntRange(min = 0) int at) {
    byte[] bytes = ModelFile.encode(model(sizes, seed));
    bytes[at % bytes.length] ^= 1 << (at & 7);
    assertThatThrownBy(() -> ModelFile.decode(bytes, "m.nnlab")).isInstanceOf(ModelException.class);
  }

  @Property(tries = 100)
  void anyTruncation_isDetected(@ForAll("sizes") int[] sizes, @ForAll long seed, @ForAll @IntRange(min = 0) int cut) {
    byte[] bytes = ModelFile.encode(model(sizes, seed));
    byte[] shorter = Arrays.copyOf(bytes, cut % bytes.length);
    assertThatThrownBy(() -> ModelFile.decode(shorter, "m.nnlab")).isInstanceOf(ModelException.class)
        .hasMessageStartingWith("m.nnlab: ");
  }
}

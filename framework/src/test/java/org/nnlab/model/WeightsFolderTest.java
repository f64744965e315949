package org.nnlab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.experiment.Provenance;
import org.nnlab.network.Activation;
import org.nnlab.network.Network;
import org.nnlab.testsupport.RandomNetworks;

class WeightsFolderTest {
  @TempDir Path dir;

  @Test
  void export_thenImport_givesIdenticalOutputs() throws IOException {
    Model m = ModelFileProperties.model(new int[] {6, 4, 3, 2}, 5);
    WeightsFolder.export(m, dir);
    assertThat(Npy.read(dir.resolve("W1.npy")).shape()).containsExactly(4, 6);
    assertThat(Npy.read(dir.resolve("W3.npy")).shape()).containsExactly(2, 3);
    Model back = WeightsFolder.importModel(dir);
    double[] x = RandomNetworks.inputs(6, 9);
    assertThat(back.query(x)).containsExactly(m.query(x));
    assertThat(back.inputs()).isEqualTo(m.inputs());
    assertThat(back.provenance().datasets().get("weights")).isEqualTo(Provenance.sha256(m.network()));
  }

  @Test
  void read_withoutLayersJson_takesSizesFromShapes_andBookDefaults() throws IOException {
    Network net = RandomNetworks.network(new int[] {3, 2}, 1);
    Npy.write(dir.resolve("W1.npy"), Npy.Matrix.of(2, 3, net.weights(0)));
    WeightsFolder.Imported in = WeightsFolder.read(dir);
    assertThat(in.network().layerSizes()).containsExactly(3, 2);
    assertThat(in.inputs().min()).isEqualTo(0.01);
  }

  @Test
  void read_matricesThatDoNotChain_isAClearError() throws IOException {
    Npy.write(dir.resolve("W1.npy"), Npy.Matrix.of(2, 3, new double[6]));
    Npy.write(dir.resolve("W2.npy"), Npy.Matrix.of(2, 5, new double[10]));
    assertThatThrownBy(() -> WeightsFolder.read(dir)).isInstanceOf(ModelException.class)
        .hasMessage(dir.resolve("W2.npy") + ": shape (2, 5) does not follow W1.npy; expected (nodes, 2)");
  }

  @Test
  void startingNetwork_withOtherLayers_namesBoth() throws IOException {
    WeightsFolder.export(ModelFileProperties.model(new int[] {4, 3, 2}, 5), dir);
    assertThatThrownBy(() -> WeightsFolder.startingNetwork(dir, new int[] {4, 5, 2}, Activation.sigmoid(), "network.weights"))
        .isInstanceOf(ModelException.class)
        .hasMessage("network.weights: the weights in " + dir + " make layers [4, 3, 2], but network.layers is [4, 5, 2]");
  }

  @Test
  void read_emptyFolder_saysWhatItExpects() throws IOException {
    Files.createDirectories(dir);
    assertThatThrownBy(() -> WeightsFolder.read(dir)).isInstanceOf(ModelException.class)
        .hasMessageContaining("no W1.npy");
  }
}

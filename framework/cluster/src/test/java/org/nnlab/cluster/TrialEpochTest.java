package org.nnlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;
import org.nnlab.experiment.EpochStats;

/** An epoch sent from a member to its coordinator arrives with every figure, the validation accuracy included. */
class TrialEpochTest {
  @Test
  void serialized_andRead_givesTheSameEpoch_withAndWithoutValidation() throws IOException, ClassNotFoundException {
    for (EpochStats e : new EpochStats[] {new EpochStats(2, 0.9375, 0.0421, 1.5, 6000.0, 0.953125),
        new EpochStats(1, 0.5, 0.25, 1.0, 5000.0)}) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(TrialEpoch.of("t#0", "127.0.0.1:5701", e));
      }
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        assertThat(((TrialEpoch) in.readObject()).stats()).isEqualTo(e);
      }
    }
  }
}

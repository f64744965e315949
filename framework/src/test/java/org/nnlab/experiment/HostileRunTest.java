package org.nnlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nnlab.config.ConfigException;
import org.nnlab.config.ExperimentConfig;
import org.nnlab.config.NetworkConfig;
import org.nnlab.config.NetworkSize;
import org.nnlab.data.DataException;
import org.nnlab.data.DatasetLoader;
import org.nnlab.io.JvmMemory;
import org.nnlab.rules.RuleBook;
import org.nnlab.testsupport.TinyData;
import org.nnlab.testsupport.TinyExperiments;
import org.nnlab.training.Trainer;
import org.nnlab.training.TrainingListener;

/** A run refuses what cannot work before it reads data or allocates weights. */
class HostileRunTest {

  private static ExperimentRunner runner(DatasetLoader loader) {
    return new ExperimentRunner(loader, RuleBook.builtIn(), NetworkFactory.fromConfig(), new Trainer(),
        new SimpleMeterRegistry());
  }

  @Test
  void layersPastTheHeap_areRefusedBeforeTheDataIsRead() {
    ExperimentConfig c = TinyExperiments.config()
        .withNetwork(new NetworkConfig(List.of(4, 40_000, 40_000, 2), null, null));
    Assumptions.assumeTrue(NetworkSize.bytesToTrain(c.network(), 1) > JvmMemory.maxBytes(), "this heap holds 38 GB");
    DatasetLoader untouchable = source -> {
      throw new AssertionError("the data was read before the size check");
    };
    ConfigException e = assertThrows(ConfigException.class, () -> runner(untouchable).run(c, TrainingListener.NONE));
    assertThat(e.getMessage()).startsWith("network.layers [4, 40000, 40000, 2]: 1,600,240,000 weights need 12.8 GB");
    assertThat(assertThrows(ConfigException.class, () -> runner(untouchable).check(c, false)).getMessage())
        .isEqualTo(e.getMessage());
  }

  @Test
  void anEmptyTrainingSet_isADataError_notARunOfNothing() {
    DatasetLoader empty = source -> source.toString().endsWith("train")
        ? TinyData.of("tiny:train", 0, 2, 2, 2, (i, j) -> 0) : TinyExperiments.TEST;
    DataException e = assertThrows(DataException.class,
        () -> runner(empty).run(TinyExperiments.config(), TrainingListener.NONE));
    assertThat(e.getMessage()).isEqualTo("tiny:train: holds no samples; data.train needs at least one");
  }
}

package org.nnlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {

  @Test
  void bench_onTheBundledSample_printsRatesEvaluationAndHeap(@TempDir Path dir) {
    CliRun run = CliRun.of("bench", "--data", "mnist-sample", "--layers", "784,20,10", "--samples", "300",
        "--warmup", "50", "--dump-weights", dir.toString(), "--dump-after", "100");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("data: mnist-sample (300 training samples used, 10000 test)")
        .containsPattern("train_samples_per_s: [0-9.]+")
        .containsPattern("eval_seconds: [0-9.]+")
        .containsPattern("accuracy: 0\\.[0-9]{4}")
        .containsPattern("peak_heap_mb: [0-9.]+");
    assertThat(dir.resolve("init-0.f64")).hasSize(784 * 20 * 8L);
    assertThat(dir.resolve("after-1.f64")).hasSize(20 * 10 * 8L);
    assertThat(Files.exists(dir.resolve("after-0.f64"))).isTrue();
  }

  @Test
  void bench_withUnknownPrecision_isBadInput() {
    CliRun run = CliRun.of("bench", "--data", "mnist-sample", "--precision", "half");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("unknown precision 'half'; allowed: double, float");
  }

  @Test
  void bench_namesTheEngineItTimes_andRefusesUnknownKernels() {
    CliRun run = CliRun.of("bench", "--data", "mnist-sample", "--layers", "784,10", "--samples", "100",
        "--warmup", "0", "--kernels", "scalar");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("network: 784-10, exact, double, batch size 1, block engine, double precision, scalar kernels");
    CliRun bad = CliRun.of("bench", "--data", "mnist-sample", "--kernels", "simd");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("unknown kernels 'simd'; allowed: auto, vector, scalar");
  }
}

package org.nnlab.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What {@link EngineOptions#describe()} says will run, and when it warns. */
class EngineOptionsTest {

  @Test
  void describe_scalar_isThePlainLoops_withoutAWarning() {
    EngineInfo info = new EngineOptions(Precision.FLOAT, KernelChoice.SCALAR).describe();
    assertThat(info).isEqualTo(new EngineInfo("block", "float", "scalar", 0, "scalar"));
    assertThat(info.summary()).isEqualTo("block engine, float precision, scalar kernels");
    assertThat(info.warning()).isEmpty();
  }

  @Test
  void describe_autoAndVector_onAJvmWithTheModule_areTheVectorLoops() {
    // the tests run with --add-modules jdk.incubator.vector (see the parent pom)
    for (KernelChoice choice : new KernelChoice[] {KernelChoice.AUTO, KernelChoice.VECTOR}) {
      EngineInfo info = new EngineOptions(Precision.DOUBLE, choice).describe();
      assertThat(info.vectorBits()).isGreaterThanOrEqualTo(128);
      assertThat(info.kernels()).isEqualTo("vector-" + info.vectorBits());
      assertThat(info.warning()).isEmpty();
    }
  }

  @Test
  void warning_onlyWhenAutoFellBackToThePlainLoops_sayingHowToEnableTheModule() {
    assertThat(new EngineInfo("block", "double", "scalar", 0, "auto").warning()).hasValueSatisfying(w ->
        assertThat(w).contains("jdk.incubator.vector", "--add-modules jdk.incubator.vector"));
    assertThat(new EngineInfo("block", "double", "scalar", 0, "scalar").warning()).isEmpty();
    assertThat(new EngineInfo("block", "double", "vector-256", 256, "auto").warning()).isEmpty();
  }

  @Test
  void byId_readsTheYamlSpellings_andListsThemForAnUnknownOne() {
    assertThat(KernelChoice.byId("vector")).isEqualTo(KernelChoice.VECTOR);
    assertThat(KernelChoice.SCALAR.id()).isEqualTo("scalar");
    assertThatThrownBy(() -> KernelChoice.byId("simd"))
        .hasMessage("unknown kernels 'simd'; allowed: auto, vector, scalar");
    assertThatThrownBy(() -> Precision.byId("half")).hasMessage("unknown precision 'half'; allowed: double, float");
    assertThatThrownBy(() -> Backprop.byId("x")).hasMessage("unknown backprop rule 'x'; allowed: exact, book");
  }
}

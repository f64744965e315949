package org.nnlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.sweep.TrialResult;

class ReportModelTest {
  @TempDir Path dir;

  @Test
  @SuppressWarnings("unchecked")
  void sweep_pointsBestFirst_stdOnlyWithSeveralSeeds_bestSoFarInFinishOrder() {
    List<TrialResult> t = List.of(Trials.of(Map.of("lr", 0.1), 0, 1, 0.5), Trials.of(Map.of("lr", 0.3), 0, 2, 0.9),
        Trials.of(Map.of("lr", 0.3), 1, 3, 0.7));
    Map<String, Object> m = ReportModel.sweep("s", t, List.of(), dir);
    Map<String, Object> sweep = (Map<String, Object>) m.get("sweep");
    List<Map<String, Object>> points = (List<Map<String, Object>>) sweep.get("points");
    assertThat(points).extracting(p -> p.get("label")).containsExactly("lr=0.3", "lr=0.1");
    assertThat((double) points.get(0).get("std")).isEqualTo(Math.sqrt(0.02), org.assertj.core.api.Assertions.within(1e-12));
    assertThat(points.get(1).get("std")).as("one seed: no std").isNull();
    assertThat((List<List<Object>>) sweep.get("bestSoFar")).extracting(r -> r.get(2)).containsExactly(0.5, 0.9, 0.9);
    assertThat(sweep.get("search")).isEqualTo("grid");
    assertThat(m.get("headline")).isEqualTo("80.00% ± 14.14%");
    assertThat((List<Map<String, Object>>) m.get("trials")).extracting(r -> r.get("order")).containsExactly(3, 2, 1);
  }

  @Test
  void sweep_withUnfinishedRows_listsThemFirst_asRunning() {
    TrialRow running = new TrialRow("x#0", 2, Map.of("lr", 0.5), 0, 11, TrialRow.RUNNING, 3, 0.4, 900, "m1",
        List.of(new org.nnlab.experiment.EpochStats(1, 0.4, 0.2, 0.1, 900)));
    Map<String, Object> m = ReportModel.sweep("s", List.of(Trials.of(Map.of("lr", 0.1), 0, 1, 0.5)),
        List.of(running), dir);
    assertThat(m.get("status")).isEqualTo("running");
    String json = ReportModel.json(m);
    assertThat(json).contains("{\"id\":\"x#0\",\"order\":2,\"parameters\":{\"lr\":\"0.5\"},\"repeat\":0,\"seed\":\"11\","
        + "\"status\":\"running\",\"epoch\":1,\"epochs\":3,\"accuracy\":0.4,\"samplesPerSecond\":900.0,\"member\":\"m1\"");
  }

  @Test
  @SuppressWarnings("unchecked")
  void trialRows_nameTheClusterMemberThatTrainedEachTrial() {
    TrialResult local = Trials.of(Map.of("lr", 0.1), 0, 1, 0.5);
    var r = local.result();
    TrialResult remote = new TrialResult("{\"lr\":0.3}#0", Map.of("lr", 0.3), 0, 2, new org.nnlab.experiment.ExperimentResult(
        r.name(), r.status(), 0.6, r.samplesPerSecond(), r.trainSeconds(), r.wallSeconds(), r.samplesTrained(),
        r.epochs(), r.findings(), r.confusion(), r.provenance().withMember("10.0.0.2:5701"), r.config()));
    List<Map<String, Object>> rows = (List<Map<String, Object>>) ReportModel.sweep("s", List.of(local, remote),
        List.of(), dir).get("trials");
    assertThat(rows).extracting(m -> m.get("member")).containsExactly("10.0.0.2:5701", "");
  }

  @Test
  void json_cannotEndTheScriptElementItIsEmbeddedIn() {
    List<TrialResult> t = new ArrayList<>(List.of(Trials.of(Map.of("note", "</script><!--"), 0, 1, 0.5)));
    String json = ReportModel.json(ReportModel.sweep("s</script>", t, List.of(), dir));
    assertThat(json).doesNotContain("<").contains("\\u003c/script>");
  }
}

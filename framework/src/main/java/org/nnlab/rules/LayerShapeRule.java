package org.nnlab.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.nnlab.config.Severity;
import org.nnlab.data.Dataset;

/** {@code layer-shape}: the first layer has one node per input, the last one per class. */
public final class LayerShapeRule extends AbstractRule {
  public static final String ID = "layer-shape";

  public LayerShapeRule() {
    super(ID, Severity.ERROR, EnumSet.of(Phase.DATA),
        "the first layer has one node per input pixel and the last one node per class");
  }

  @Override
  public List<Violation> check(RuleContext context) {
    List<Integer> layers = context.config().network().layers();
    int first = layers.get(0);
    int last = layers.get(layers.size() - 1);
    List<Violation> found = new ArrayList<>();
    for (Dataset d : new Dataset[] {context.train(), context.test()}) {
      if (d == null) {
        continue;
      }
      if (d.features() != first) {
        found.add(Violation.of(String.format(
            "network.layers[0] = %d but %s has %d inputs per sample (%d×%d); set it to %d",
            first, d.name(), d.features(), d.rows(), d.cols(), d.features())));
      }
      boolean tooFew = d == context.train() ? d.classes() != last : d.classes() > last;
      if (tooFew) {
        found.add(Violation.of(String.format(
            "network.layers[%d] = %d but %s has %d classes (labels 0–%d); set it to %d",
            layers.size() - 1, last, d.name(), d.classes(), d.classes() - 1, d.classes())));
      }
    }
    return found;
  }
}

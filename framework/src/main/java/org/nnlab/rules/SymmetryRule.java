package org.nnlab.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nnlab.config.Severity;
import org.nnlab.network.Network;

/**
 * {@code symmetry}: no two nodes of a layer share the same incoming weight vector. Identical rows
 * get identical updates forever, so the nodes stay clones. Checked after initialisation and after
 * training.
 */
public final class SymmetryRule extends AbstractRule {
  public static final String ID = "symmetry";

  public SymmetryRule() {
    super(ID, Severity.ERROR, EnumSet.of(Phase.INIT, Phase.FINAL),
        "no two nodes of a layer share the same incoming weights: identical weights get identical updates forever");
  }

  @Override
  public List<Violation> check(RuleContext context) {
    Network net = context.network();
    List<Violation> found = new ArrayList<>();
    for (int k = 0; k < net.weightLayers(); k++) {
      int[] pair = firstDuplicateRows(net, k);
      if (pair != null) {
        int rows = net.layerSizes()[k + 1];
        found.add(Violation.of(String.format(
            "layer %d (%d nodes): nodes %d and %d have identical incoming weights%s;"
                + " identical weights get identical updates forever — use a random init such as normal-fan-in",
            k + 1, rows, pair[0], pair[1],
            pair[2] > 2 ? " (" + pair[2] + " nodes in all share one weight vector)" : "")));
      }
    }
    return found;
  }

  /**
   * The first two rows of W_{k+1} that are equal, and how many rows share that vector; null if all
   * rows differ. Rows are compared exactly, through their bit patterns.
   */
  static int[] firstDuplicateRows(Network net, int k) {
    int rows = net.layerSizes()[k + 1];
    int cols = net.layerSizes()[k];
    double[] w = net.weights(k);
    Map<RowKey, List<Integer>> seen = new HashMap<>();
    int[] first = null;
    for (int i = 0; i < rows; i++) {
      RowKey key = new RowKey(Arrays.copyOfRange(w, i * cols, (i + 1) * cols));
      List<Integer> same = seen.computeIfAbsent(key, x -> new ArrayList<>());
      same.add(i);
      if (first == null && same.size() == 2) {
        first = new int[] {same.get(0), i, 0};
      }
    }
    if (first == null) {
      return null;
    }
    int a = first[0];
    first[2] = seen.get(new RowKey(Arrays.copyOfRange(w, a * cols, (a + 1) * cols))).size();
    return first;
  }

  private record RowKey(double[] row) {
    @Override
    public boolean equals(Object o) {
      return o instanceof RowKey r && Arrays.equals(row, r.row);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(row);
    }
  }
}

package org.nnlab.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.nnlab.config.Distort;
import org.nnlab.config.InputRange;
import org.nnlab.config.Severity;
import org.nnlab.data.Dataset;
import org.nnlab.data.Distorter;
import org.nnlab.data.Distortion;
import org.nnlab.data.InputScaling;

/**
 * {@code input-range}: scaled inputs lie in [0.01, 1.0]. A zero input zeroes its weight's update
 * (ΔW ∝ O_prev), and values past 1 push the sigmoid into its flat zone. Checks the configured range,
 * then the scaled values of the first samples actually loaded, and with {@code data.distort} the
 * training samples distorted too: a warp mixes inputs and the background {@code inputs.min}
 * bilinearly and keeps the result in [min, max], so it keeps the range by construction.
 */
public final class InputRangeRule extends AbstractRule {
  public static final String ID = "input-range";
  static final double LOW = 0.01;
  static final double HIGH = 1.0;
  private static final int PROBE_SAMPLES = 1_000;

  public InputRangeRule() {
    super(ID, Severity.ERROR, EnumSet.of(Phase.CONFIG, Phase.DATA),
        "scaled inputs lie in [0.01, 1.0] (distorted ones too): a 0 input zeroes its weight's update,"
            + " values past 1 saturate the sigmoid");
  }

  @Override
  public List<Violation> check(RuleContext context) {
    InputRange range = context.config().data().inputs();
    List<Violation> found = checkRange(range);
    if (context.phase() == Phase.CONFIG) {
      return found;
    }
    // DATA: the configured range was judged already; look at the values the data really gives
    List<Violation> inData = new ArrayList<>();
    if (found.isEmpty()) {
      InputScaling scaling = InputScaling.of(range);
      for (Dataset d : new Dataset[] {context.train(), context.test()}) {
        if (d != null) {
          checkData(d, scaling, null, inData);
        }
      }
      Distort distort = context.config().data().distort();
      if (context.train() != null && !distort.isNone() && inData.isEmpty()) {
        // the first epoch's draws of the run's seed (not its exact ones: those are the trainer's)
        Distortion d = Distortion.of(distort, context.train(), context.config().seed());
        checkData(context.train(), scaling, d.distorter(scaling), inData);
      }
    }
    return inData;
  }

  /**
   * What is wrong with a configured {@code range} by this rule, whatever holds it: a config, or a
   * model file's header (checked when it is loaded).
   */
  public static List<Violation> checkRange(InputRange range) {
    List<Violation> found = new ArrayList<>();
    if (!(range.min() < range.max())) {
      found.add(Violation.of(String.format(
          "data.inputs: min %s ≥ max %s leaves no range, so every pixel gives the same input;"
              + " use {min: 0.01, max: 1.0}", range.min(), range.max())));
    }
    if (range.min() < LOW) {
      found.add(Violation.of(String.format(
          "data.inputs.min = %s lies below 0.01: a zero input zeroes its weight's update (ΔW ∝ O_prev);"
              + " use 0.01", range.min())));
    }
    if (range.max() > HIGH) {
      found.add(Violation.of(String.format(
          "data.inputs.max = %s lies above 1.0: large inputs push the sigmoid into its flat zone;"
              + " use 1.0", range.max())));
    }
    return found;
  }

  private static void checkData(Dataset d, InputScaling scaling, Distorter warp, List<Violation> found) {
    double[] x = new double[d.features()];
    int n = Math.min(d.size(), PROBE_SAMPLES);
    for (int i = 0; i < n; i++) {
      d.scaledInputs(i, scaling, x);
      if (warp != null) {
        warp.apply(x, 1, i);
      }
      for (int j = 0; j < x.length; j++) {
        if (!(x[j] >= LOW && x[j] <= HIGH)) {
          found.add(Violation.of(String.format(
              "%s: sample %d%s, input %d = %s lies outside [0.01, 1.0]; scale pixels as x/255·0.99+0.01",
              d.name(), i, warp == null ? "" : " distorted", j, x[j])));
          return;
        }
      }
    }
  }
}

package org.nnlab.config;

/**
 * The {@code training.schedule}: the learning rate of each epoch, from the config's
 * {@code learningRate} α₀. The rate is set per epoch (every step of epoch e uses {@link #rate}).
 *
 * <pre>{@code
 * schedule: constant                                   # α₀ every epoch (default, the book's)
 * schedule: {step: {every: 10, factor: 0.5}}           # α₀·0.5^⌊(e−1)/10⌋
 * schedule: {exponential: {gamma: 0.95}}               # α₀·0.95^(e−1)
 * schedule: {cosine: {min: 0.001}}                     # α₀ → 0.001 along half a cosine over the run
 * schedule: {cosine: {min: 0.001, period: 10, growth: 2}}  # warm restarts: cycles of 10, 20, 40 … epochs
 * }</pre>
 *
 * <p>Cosine annealing and its warm restarts follow Loshchilov &amp; Hutter, "SGDR" (ICLR 2017):
 * within a cycle of P epochs, α = min + ½(α₀ − min)(1 + cos(π·t/P)) at its t-th epoch (t = 0 … P−1),
 * so a cycle starts at α₀ and ends just above min; each cycle is {@code growth} times longer than the
 * one before. The {@code learning-rate} rule checks the rate of every epoch, not only α₀.
 */
public sealed interface Schedule {
  /** The book's: α₀ at every epoch. */
  Schedule CONSTANT = new Constant();

  /** The rate of epoch {@code epoch} (1-based) of {@code epochs}, from the base rate α₀. */
  double rate(double base, int epoch, int epochs);

  /** The id written in YAML: {@code constant}, {@code step}, {@code exponential}, {@code cosine}. */
  String id();

  /** α₀ at every epoch. */
  record Constant() implements Schedule {
    @Override
    public double rate(double base, int epoch, int epochs) {
      return base;
    }

    @Override
    public String id() {
      return "constant";
    }
  }

  /**
   * α₀·factor^⌊(e−1)/every⌋: multiplied by {@code factor} after every {@code every} epochs.
   *
   * @param every epochs per step, ≥ 1
   * @param factor in (0, 1]
   */
  record Step(int every, double factor) implements Schedule {
    public Step {
      if (every < 1) {
        throw new IllegalArgumentException("training.schedule.step.every must be ≥ 1, found " + every);
      }
      fraction("training.schedule.step.factor", factor);
    }

    @Override
    public double rate(double base, int epoch, int epochs) {
      return base * Math.pow(factor, (epoch - 1) / every);
    }

    @Override
    public String id() {
      return "step";
    }
  }

  /**
   * α₀·γ^(e−1).
   *
   * @param gamma in (0, 1]
   */
  record Exponential(double gamma) implements Schedule {
    public Exponential {
      fraction("training.schedule.exponential.gamma", gamma);
    }

    @Override
    public double rate(double base, int epoch, int epochs) {
      return base * Math.pow(gamma, epoch - 1);
    }

    @Override
    public String id() {
      return "exponential";
    }
  }

  /**
   * Cosine annealing from α₀ to {@code min}, with warm restarts when {@code period} is set.
   *
   * @param min the rate the cosine falls towards, ≥ 0 (and ≤ α₀: checked by {@link TrainingConfig})
   * @param period epochs of the first cycle, ≥ 1; 0 means one cycle as long as the run
   * @param growth how many times longer each cycle is than the one before, ≥ 1 (1 with no period)
   */
  record Cosine(double min, int period, int growth) implements Schedule {
    /** The most a cycle may grow: cycles longer than any run are pointless. */
    public static final int MAX_GROWTH = 100;

    public Cosine {
      ConfigChecks.finite("training.schedule.cosine.min", min);
      if (min < 0) {
        throw new IllegalArgumentException("training.schedule.cosine.min must be ≥ 0, found " + min);
      }
      if (period < 0) {
        throw new IllegalArgumentException("training.schedule.cosine.period must be ≥ 1 epoch, found " + period);
      }
      if (growth < 1 || growth > MAX_GROWTH) {
        throw new IllegalArgumentException(
            "training.schedule.cosine.growth must lie in [1, " + MAX_GROWTH + "], found " + growth);
      }
      if (period == 0 && growth != 1) {
        throw new IllegalArgumentException(
            "training.schedule.cosine.growth needs a period: it lengthens the cycles of warm restarts");
      }
    }

    /** One half-cosine from α₀ to {@code min} over the whole run. */
    public Cosine(double min) {
      this(min, 0, 1);
    }

    @Override
    public double rate(double base, int epoch, int epochs) {
      long length = period == 0 ? epochs : period;
      long t = epoch - 1;
      while (t >= length) {
        t -= length;
        length *= growth;
      }
      if (t == 0) {
        return base; // a cycle starts at α₀ exactly (min + (α₀ − min) can round an ulp off it)
      }
      return min + 0.5 * (base - min) * (1 + Math.cos(Math.PI * t / length));
    }

    @Override
    public String id() {
      return "cosine";
    }
  }

  private static void fraction(String key, double value) {
    if (!(value > 0 && value <= 1)) {
      throw new IllegalArgumentException(key + " must lie in (0, 1], found " + value);
    }
  }
}

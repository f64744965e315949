package org.nnlab.network;

/**
 * How the output error is carried back to the hidden layers.
 *
 * <ul>
 *   <li>{@link #EXACT}: δ_L = e ⊙ O_L ⊙ (1 − O_L), δ_{k−1} = (W_kᵀ·δ_k) ⊙ O_{k−1} ⊙ (1 − O_{k−1}).
 *       The update α·δ_k·O_{k−1}ᵀ is exactly −α·∂E/∂W_k for E = ½Σ(t − o)².
 *   <li>{@link #BOOK}: <i>Make Your Own Neural Network</i>'s "errors split by the weights and
 *       recombined": e_{k−1} = W_kᵀ·e_k and δ_k = e_k ⊙ O_k ⊙ (1 − O_k). It equals the gradient for
 *       the last layer only: for hidden layers it leaves out the next layer's σ'. Kept so the
 *       book's numbers can be reproduced; the {@code gradient} rule reports the deviation.
 * </ul>
 */
public enum Backprop {
  EXACT,
  BOOK;

  /** The YAML spelling, the name in lower case. */
  public String id() {
    return Ids.of(this);
  }

  /** Parses the YAML spelling. */
  public static Backprop byId(String id) {
    return Ids.byId(Backprop.class, id, "backprop rule");
  }
}

/**
 * The network and the engine that trains it.
 *
 * <p>Two engines. {@link org.nnlab.network.Network} is the reference, read in one sitting: forward
 * and backward side by side, both {@link org.nnlab.network.Backprop} rules; the tests' oracle.
 * {@link org.nnlab.network.BlockNetwork} with {@code UpperLayers} and {@code Kernels} is the one fast
 * engine, for every shape (no hidden layer to many) and batch size; {@code TrainingEngine.of} builds
 * it for the trainer, and evaluation uses its {@code query}. Both agree to 1e-12 after 1,000 steps.
 *
 * <p><b>{@code Network.train} line by line → the fast engine</b> (x the input, s a sample of the block):
 * <pre>
 * O_1 = σ(W_1·x)                 BlockNetwork.trainBlock: W_0·X for the block (Kernels.multiply, W in
 *                                Panels), + Σ_{r&lt;s} a_r·(x_r·x_s) (Kernels.gram, axpy), σ (Kernels.sigmoid)
 * O_k = σ(W_k·O_{k−1})            UpperLayers.forward: a Kernels.dot per row
 * outputDeltas: e_L, δ_L, E      UpperLayers.train: err[last], delta[last], losses[s]
 * e_{k−1} = W_kᵀ·(δ_k or e_k)     UpperLayers.train: a Kernels.axpy per row into err[k−1]
 * δ_{k−1} = e_{k−1} ⊙ σ'(O_{k−1})   UpperLayers.train; for layer 1 BlockNetwork: a_s = α·e_1 ⊙ σ'(O_1)
 * W_k += α·δ_k·O_{k−1}ᵀ, k ≥ 2     UpperLayers.train: a Kernels.axpy per row (mini-batch: at flush)
 * W_1 += α·δ_1·xᵀ                 deferred to the block's end: Kernels.addOuterProducts
 * </pre>
 * Without a hidden layer, layer 1 is the output layer and UpperLayers hands back e = t − o.
 *
 * <p><b>Float</b> ({@code network.precision: float}): {@code FloatBlockNetwork}, {@code
 * FloatUpperLayers} and the float kernels are generated at build time from the sources of {@code
 * BlockNetwork}, {@code UpperLayers} and the kernels (see {@code framework/pom.xml}): double → float,
 * Double → Float, class names prefixed with Float. Lines commented {@code // always double} keep
 * their doubles (the API's inputs, targets, rate and losses); where the types meet, the generated
 * code resolves to {@code Reals}' float overloads; sigmoids are computed in double and rounded once.
 * Edit the double sources only; both are tested.
 *
 * <p><b>Choices</b> are config keys, never system properties: {@code network.precision} ({@link
 * org.nnlab.network.Precision}) and {@code network.kernels} ({@link org.nnlab.network.KernelChoice}),
 * together {@link org.nnlab.network.EngineOptions}; {@link org.nnlab.network.EngineInfo} records
 * what ran. The only static mutable state is {@code JitWarmUp}'s once-per-JVM flags.
 *
 * <p>Depends on: no other nnlab package (the bottom of nnlab, beside {@code io}).
 */
package org.nnlab.network;

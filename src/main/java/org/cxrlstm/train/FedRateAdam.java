package org.cxrlstm.train;

import java.util.List;
import java.util.Optional;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.framework.optimizers.Adam;
import org.tensorflow.framework.optimizers.Optimizer;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TType;

/**
 * Adam (Kingma and Ba 2015, Algorithm 1 with the "epsilon hat" form before section 2.1) whose
 * learning rate is a graph input rather than a constant, so that it can change between steps
 * without rebuilding the graph (the framework's {@code Adam} bakes it in as a constant):
 *
 * <pre>
 *   m_t = beta1 m_{t-1} + (1 - beta1) g
 *   v_t = beta2 v_{t-1} + (1 - beta2) g*g
 *   w_t = w_{t-1} - lr sqrt(1 - beta2^t) / (1 - beta1^t) * m_t / (sqrt(v_t) + epsilon)
 * </pre>
 *
 * Each update is TensorFlow's fused {@code ApplyAdam} kernel, as in the framework's Adam; only
 * the learning-rate operand differs. Slots are named {@code var-m} and {@code var-v}.
 */
final class FedRateAdam extends Optimizer {
  /** The framework's defaults, as the code used before; the paper names Adam without its constants. */
  static final float BETA_ONE = Adam.BETA_ONE_DEFAULT;
  static final float BETA_TWO = Adam.BETA_TWO_DEFAULT;
  static final float EPSILON = Adam.EPSILON_DEFAULT;

  private final Operand<TFloat32> learningRate;
  private Variable<TFloat32> betaOnePower;
  private Variable<TFloat32> betaTwoPower;
  private Operand<TFloat32> betaOne;
  private Operand<TFloat32> betaTwo;
  private Operand<TFloat32> epsilon;

  /** {@code learningRate} is a scalar the caller feeds (a placeholder) or assigns (a variable). */
  FedRateAdam(Graph graph, Operand<TFloat32> learningRate) {
    super(graph);
    this.learningRate = learningRate;
  }

  @Override
  protected void createSlots(List<Output<? extends TType>> variables) {
    for (Output<? extends TType> v : variables) {
      zeroSlot(v, "m");
      zeroSlot(v, "v");
    }
    Ops init = tf.withInitScope();
    betaOnePower = tf.withName("beta1_power").variable(init.constant(BETA_ONE));
    betaTwoPower = tf.withName("beta2_power").variable(init.constant(BETA_TWO));
  }

  private <T extends TType> void zeroSlot(Output<T> v, String slot) {
    Ops init = tf.withInitScope();
    createSlot(v, slot, init.fill(init.shape(v), init.dtypes.cast(init.constant(0f), v.type())));
  }

  @Override
  protected Optional<Op> prepare(String scopeName) {
    betaOne = tf.constant(BETA_ONE);
    betaTwo = tf.constant(BETA_TWO);
    epsilon = tf.constant(EPSILON);
    return Optional.empty();
  }

  @Override
  @SuppressWarnings("unchecked")
  protected <T extends TType> Op applyDense(Ops deps, Output<T> gradient, Output<T> variable) {
    if (gradient.type() != TFloat32.class) {
      throw new IllegalArgumentException("variable " + variable.op().name() + " is " + gradient.type().getSimpleName()
          + "; this Adam keeps float32 variables only");
    }
    Output<TFloat32> g = (Output<TFloat32>) gradient;
    Output<TFloat32> w = (Output<TFloat32>) variable;
    return deps.train.applyAdam(w, getSlot(w, "m").orElseThrow(), getSlot(w, "v").orElseThrow(),
        betaOnePower, betaTwoPower, learningRate, betaOne, betaTwo, epsilon, g);
  }

  @Override
  protected Op finish(List<Op> updates, String name) {
    // the powers advance after every variable has used this step's values
    Ops after = tf.withControlDependencies(updates);
    updates.add(after.assign(betaOnePower, after.math.mul(betaOnePower, betaOne)));
    updates.add(after.assign(betaTwoPower, after.math.mul(betaTwoPower, betaTwo)));
    return super.finish(updates, name);
  }

  @Override
  public String getOptimizerName() {
    return "Adam";
  }
}

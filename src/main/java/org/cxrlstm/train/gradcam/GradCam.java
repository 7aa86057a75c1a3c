package org.cxrlstm.train.gradcam;

import java.util.List;
import org.cxrlstm.data.image.Batch;
import org.cxrlstm.model.ModelGraph;
import org.cxrlstm.train.TrainingSession;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;

/**
 * Grad-CAM (Selvaraju et al., ICCV 2017) for a trained model: where in the X-ray the evidence for a
 * class lies. With A the last convolutional map ([B,h,w,C], {@link ModelGraph#lastConv()}) and
 * y_c the class logit, the channel weights are the spatial means of dy_c/dA, the map is
 * ReLU(sum_k w_k A_k), upsampled bilinearly to the S x S input and divided by its maximum.
 *
 * <p>The paper (Islam et al. 2020) shows no saliency maps; these exist to check whether the models
 * look at the lungs or at borders and burned-in text (DeGrave et al., NMI 2021).
 *
 * <p>The class is selected through the model's own {@code labels} placeholder: the score is
 * {@code sum(logits * labels)}, so feeding the one-hot of class c gives dy_c/dA for each image
 * (images in a batch do not interact: no batch normalisation, dropout off). The gradient ops are
 * added once to the session's graph; TensorFlow extends a session with ops added after it was
 * created (checked in GradCamTest). Tensors live only inside {@link #maps}.
 */
public final class GradCam {
  private final TrainingSession session;
  private final Operand<TFloat32> cam;
  private final int size;
  private final int mapSize;

  /** Adds the Grad-CAM ops to {@code session}'s graph; the session stays owned by the caller. */
  public GradCam(TrainingSession session) {
    this.session = session;
    ModelGraph m = session.model();
    Ops tf = Ops.create(session.graph()).withSubScope("gradcam");
    // [B,K] . [B,K] -> scalar: the sum over the batch of each image's selected logit
    Operand<TFloat32> score = tf.reduceSum(tf.math.mul(m.logits(), m.labels()), tf.constant(new int[] {0, 1}));
    // [B,h,w,C]: dy_c/dA for each image (its own score is the only term that depends on its map)
    Operand<TFloat32> grads = tf.gradients(score, List.of(m.lastConv())).dy(0);
    // [B,h,w,C] -> [B,1,1,C]: alpha_k = global average of the gradients (Grad-CAM eq. 1)
    Operand<TFloat32> weights = tf.math.mean(grads, tf.constant(new int[] {1, 2}), Mean.keepDims(true));
    // [B,h,w,C] -> [B,h,w]: ReLU(sum_k alpha_k A^k) (eq. 2)
    this.cam = tf.nn.relu(tf.reduceSum(tf.math.mul(m.lastConv(), weights), tf.constant(3)));
    this.size = m.spec().inputSize();
    this.mapSize = (int) m.lastConv().shape().get(1);
  }

  /** Side of the input images and of the returned maps. */
  public int size() {
    return size;
  }

  /**
   * One S*S heatmap (row-major, values in [0,1], all zero when no location supports the class) per
   * image of {@code batch}, for class {@code classes[i]} of image i.
   */
  public float[][] maps(Batch batch, int[] classes) {
    int n = batch.count();
    if (classes.length != n) {
      throw new IllegalArgumentException(classes.length + " classes given for a batch of " + n + " images");
    }
    int k = session.model().spec().classes();
    float[] oneHot = new float[n * k];
    for (int i = 0; i < n; i++) {
      if (classes[i] < 0 || classes[i] >= k) {
        throw new IllegalArgumentException("class " + classes[i] + " of image " + i + " is outside 0.." + (k - 1));
      }
      oneHot[i * k + classes[i]] = 1f;
    }
    if (batch.images().length != (long) n * size * size) {
      throw new IllegalArgumentException("batch holds " + batch.images().length + " floats, expected "
          + n + " images of " + size + "x" + size);
    }
    int cells = mapSize * mapSize;
    float[] raw = new float[n * cells];
    ModelGraph m = session.model();
    try (TFloat32 images = TFloat32.tensorOf(Shape.of(n, size, size, 1), DataBuffers.of(batch.images(), true, false));
        TFloat32 labels = TFloat32.tensorOf(Shape.of(n, k), DataBuffers.of(oneHot, true, false));
        Result r = session.session().runner()
            .feed(m.images(), images)
            .feed(m.labels(), labels)
            .fetch(cam)
            .run()) {
      ((TFloat32) r.get(0)).copyTo(DataBuffers.of(raw, false, false));
    }
    float[][] out = new float[n][];
    for (int i = 0; i < n; i++) {
      float[] one = new float[cells];
      System.arraycopy(raw, i * cells, one, 0, cells);
      out[i] = normalise(upsample(one, mapSize, size));
    }
    return out;
  }

  /**
   * Bilinear resize of an h x h map to s x s with half-pixel centres (as OpenCV's resize, which the
   * reference Grad-CAM code uses): output pixel centre (x + 0.5) * h / s - 0.5 in map coordinates,
   * clamped at the borders.
   */
  public static float[] upsample(float[] map, int h, int s) {
    float[] out = new float[s * s];
    double scale = (double) h / s;
    for (int y = 0; y < s; y++) {
      double fy = Math.min(Math.max((y + 0.5) * scale - 0.5, 0), h - 1);
      int y0 = (int) Math.floor(fy);
      int y1 = Math.min(y0 + 1, h - 1);
      double wy = fy - y0;
      for (int x = 0; x < s; x++) {
        double fx = Math.min(Math.max((x + 0.5) * scale - 0.5, 0), h - 1);
        int x0 = (int) Math.floor(fx);
        int x1 = Math.min(x0 + 1, h - 1);
        double wx = fx - x0;
        double top = map[y0 * h + x0] * (1 - wx) + map[y0 * h + x1] * wx;
        double bottom = map[y1 * h + x0] * (1 - wx) + map[y1 * h + x1] * wx;
        out[y * s + x] = (float) (top * (1 - wy) + bottom * wy);
      }
    }
    return out;
  }

  /**
   * Divides by the maximum, so 1 marks the strongest evidence. The ReLU makes the minimum >= 0, and
   * dividing (rather than min-max stretching) keeps 0 meaning "no evidence", which the mass shares
   * need. A map without any positive value stays all zero; a non-finite value (a diverged model)
   * is an error.
   */
  public static float[] normalise(float[] map) {
    float max = 0;
    for (float v : map) {
      if (!Float.isFinite(v)) {
        throw new IllegalStateException("Grad-CAM map holds " + v + ": the model's outputs are not finite");
      }
      max = Math.max(max, v);
    }
    float[] out = new float[map.length];
    if (max > 0) {
      for (int i = 0; i < map.length; i++) {
        out[i] = Math.max(0f, map[i]) / max;
      }
    }
    return out;
  }
}

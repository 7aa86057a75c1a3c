package org.cxrlstm.model;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A Keras-style summary of one architecture at one spec: per layer the output shape (batch
 * omitted), the trainable parameters and the forward floating-point operations per image.
 *
 * <p>FLOPs count a multiply-add as two operations and only for convolutions and matrix products;
 * bias adds, activations and pooling are left out (they are under 1% of the total at every spec).
 * Training is counted as three forward passes (forward, gradient with respect to activations,
 * gradient with respect to weights), the usual convention for CNN training cost.
 */
public record ModelSummary(Architecture architecture, ModelSpec spec, List<Layer> layers) {

  /** One row of the table. */
  public record Layer(String name, List<Integer> outputShape, long parameters, long flops) {
    public Layer {
      outputShape = List.copyOf(outputShape);
    }

    String shapeText() {
      return "(" + outputShape.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
    }
  }

  public ModelSummary {
    layers = List.copyOf(layers);
  }

  /** Derives the table from the spec; the graph builders follow the same arithmetic. */
  public static ModelSummary of(Architecture architecture, ModelSpec spec) {
    List<Layer> rows = new ArrayList<>();
    int size = spec.inputSize();
    int channels = 3;
    rows.add(new Layer("input (gray, tiled to 3)", List.of(size, size, channels), 0, 0));
    for (int b = 0; b < spec.blocks().size(); b++) {
      int filters = spec.filters(b);
      for (int c = 0; c < spec.blocks().get(b); c++) {
        long params = 9L * channels * filters + filters;
        long flops = 2L * 9 * channels * filters * size * size;
        rows.add(new Layer(TrunkNames.conv(b, c), List.of(size, size, filters), params, flops));
        channels = filters;
      }
      size /= 2;
      rows.add(new Layer(TrunkNames.pool(b), List.of(size, size, channels), 0, 0));
    }
    int classes = spec.classes();
    if (architecture == Architecture.CNN_LSTM) {
      int steps = spec.timeSteps();
      int units = spec.lstmUnits();
      rows.add(new Layer("reshape (cells -> steps)", List.of(steps, channels), 0, 0));
      long lstmParams = 4L * units * (channels + units) + 4L * units;
      long lstmFlops = (long) steps * (2L * channels * 4 * units + 2L * units * 4 * units);
      rows.add(new Layer("lstm (last state)", List.of(units), lstmParams, lstmFlops));
      rows.add(new Layer("dense (softmax)", List.of(classes), (long) units * classes + classes,
          2L * units * classes));
    } else {
      int flat = size * size * channels;
      rows.add(new Layer("flatten", List.of(flat), 0, 0));
      rows.add(new Layer("dense (softmax)", List.of(classes), (long) flat * classes + classes,
          2L * flat * classes));
    }
    return new ModelSummary(architecture, spec, rows);
  }

  public long totalParameters() {
    return layers.stream().mapToLong(Layer::parameters).sum();
  }

  /** Forward FLOPs for one image. */
  public long forwardFlops() {
    return layers.stream().mapToLong(Layer::flops).sum();
  }

  /** Forward plus backward FLOPs for one image (three forward passes, see the class comment). */
  public long trainingFlops() {
    return 3 * forwardFlops();
  }

  public void print(PrintStream out) {
    String rule = "-".repeat(78);
    out.printf("%s at input %d, width %s, LSTM units %d%n", architecture, spec.inputSize(),
        spec.width(), spec.lstmUnits());
    out.println(rule);
    out.printf("%-28s %-18s %14s %14s%n", "Layer", "Output shape", "Param #", "MFLOPs/image");
    out.println(rule);
    for (Layer l : layers) {
      out.printf("%-28s %-18s %,14d %,14.1f%n", l.name(), l.shapeText(), l.parameters(), l.flops() / 1e6);
    }
    out.println(rule);
    out.printf("%-47s %,14d %,14.1f%n", "Total", totalParameters(), forwardFlops() / 1e6);
    out.printf("Training cost: %,.1f MFLOPs/image (3 x forward)%n", trainingFlops() / 1e6);
    out.println();
  }
}

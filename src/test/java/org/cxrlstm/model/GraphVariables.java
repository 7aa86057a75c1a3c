package org.cxrlstm.model;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operation;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** Test access to a graph's variables by name. */
final class GraphVariables {
  private GraphVariables() {}

  /** Every VariableV2 of the graph with its output. */
  @SuppressWarnings("unchecked")
  static Map<String, Output<TFloat32>> all(Graph graph) {
    Map<String, Output<TFloat32>> out = new LinkedHashMap<>();
    Iterator<GraphOperation> it = graph.operations();
    while (it.hasNext()) {
      Operation op = it.next();
      if (op.type().equals("VariableV2")) {
        Output<?> o = op.output(0);
        out.put(op.name(), (Output<TFloat32>) o);
      }
    }
    return out;
  }

  static float[] value(Session session, Output<TFloat32> variable) {
    try (Result r = session.runner().fetch(variable).run()) {
      TFloat32 t = (TFloat32) r.get(0);
      float[] v = new float[(int) t.shape().size()];
      t.copyTo(DataBuffers.of(v, false, false));
      return v;
    }
  }
}

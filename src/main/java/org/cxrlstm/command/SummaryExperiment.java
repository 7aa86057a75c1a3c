package org.cxrlstm.command;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cxrlstm.config.Keys;
import org.cxrlstm.config.Schema;
import org.cxrlstm.config.Settings;
import org.cxrlstm.config.ValueKind;
import org.cxrlstm.model.Architecture;
import org.cxrlstm.model.ModelSpec;
import org.cxrlstm.model.ModelSummary;

/**
 * {@code -Dexperiment=summary}: a Keras-style table per architecture (layer, output shape,
 * parameters, forward MFLOPs per image) at the paper spec and the CPU baseline spec, or at the spec
 * given by {@code -Dinput.size}, {@code -Dwidth}, {@code -Dlstm.units}.
 */
final class SummaryExperiment implements Experiment {
  private final PrintStream out;

  SummaryExperiment(PrintStream out) {
    this.out = out;
  }

  @Override
  public String name() {
    return "summary";
  }

  @Override
  public String description() {
    return "print layer tables (shapes, parameters, MFLOPs) of CNN and CNN-LSTM";
  }

  @Override
  public Schema schema() {
    return Schema.of("summary", Keys.get("input.size").optional(), Keys.get("width").optional(),
        Keys.Key.of("lstm.units", ValueKind.optionalInteger(1, 100_000), "", "LSTM hidden units of the requested spec"));
  }

  @Override
  public void execute(Settings settings) {
    Map<String, ModelSpec> specs = new LinkedHashMap<>();
    if (settings.has("input.size") || settings.has("width") || settings.has("lstm.units")) {
      ModelSpec p = ModelSpec.paper();
      specs.put("requested", p.withInputSize(settings.integer("input.size", p.inputSize()))
          .withWidth(settings.real("width", p.width()))
          .withLstmUnits(settings.integer("lstm.units", p.lstmUnits())));
    } else {
      specs.put("paper spec (Table 2)", ModelSpec.paper());
      specs.put("CPU baseline spec", ModelSpec.cpuBaseline());
    }
    for (Map.Entry<String, ModelSpec> e : specs.entrySet()) {
      out.println("== " + e.getKey());
      for (Architecture arch : Architecture.values()) {
        ModelSummary.of(arch, e.getValue()).print(out);
      }
    }
  }
}

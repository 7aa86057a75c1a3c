package org.cxrlstm.train;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.cxrlstm.model.Architecture;
import org.cxrlstm.model.Initializer;
import org.cxrlstm.model.ModelSpec;
import org.cxrlstm.results.io.AtomicFiles;

/**
 * What a saved model is: architecture, spec, class order and input normalisation, plus free-form
 * provenance (trial, dataset hash, seed). Stored as {@code model.properties} beside the SavedModel,
 * so that a model is never applied to images prepared differently or to another class list.
 */
public record ModelCard(Architecture architecture, ModelSpec spec, List<String> classes,
    String normalization, Map<String, String> provenance) {

  public static final String FILE = "model.properties";

  public ModelCard {
    classes = List.copyOf(classes);
    provenance = Map.copyOf(provenance);
    if (classes.size() != spec.classes()) {
      throw new IllegalArgumentException("class list " + classes + " has " + classes.size()
          + " names but the spec has " + spec.classes() + " classes");
    }
  }

  public void write(Path dir) throws IOException {
    Map<String, String> v = new TreeMap<>();
    provenance.forEach((k, val) -> v.put("provenance." + k, val));
    v.put("architecture", architecture.id());
    v.put("spec.inputSize", String.valueOf(spec.inputSize()));
    v.put("spec.width", String.valueOf(spec.width()));
    v.put("spec.blocks", String.join(",", spec.blocks().stream().map(String::valueOf).toList()));
    v.put("spec.lstmUnits", String.valueOf(spec.lstmUnits()));
    v.put("spec.dropout", String.valueOf(spec.dropout()));
    v.put("spec.classes", String.valueOf(spec.classes()));
    v.put("spec.init", spec.init().id());
    v.put("spec.forgetBias", String.valueOf(spec.forgetBias()));
    v.put("classes", String.join(",", classes));
    v.put("normalization", normalization);
    AtomicFiles.writeProperties(dir.resolve(FILE), "cxr-lstm model card: what this SavedModel expects and where it came from", v);
  }

  public static ModelCard read(Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new IOException("no " + FILE + " in " + dir + ": not a model directory written by cxr-lstm");
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    try {
      ModelSpec spec = new ModelSpec(
          Integer.parseInt(need(p, file, "spec.inputSize")),
          Double.parseDouble(need(p, file, "spec.width")),
          Arrays.stream(need(p, file, "spec.blocks").split(",")).map(String::trim).map(Integer::valueOf).toList(),
          Integer.parseInt(need(p, file, "spec.lstmUnits")),
          Double.parseDouble(need(p, file, "spec.dropout")),
          Integer.parseInt(need(p, file, "spec.classes")),
          Initializer.parse(need(p, file, "spec.init")),
          // cards written before the setting existed were trained with the then fixed bias of 1
          Double.parseDouble(p.getProperty("spec.forgetBias", String.valueOf(ModelSpec.FORGET_BIAS_DEFAULT)).trim()));
      Map<String, String> provenance = new LinkedHashMap<>();
      for (String key : new TreeMap<>(p).keySet().stream().map(Object::toString).toList()) {
        if (key.startsWith("provenance.")) {
          provenance.put(key.substring("provenance.".length()), p.getProperty(key));
        }
      }
      return new ModelCard(Architecture.parse(need(p, file, "architecture")), spec,
          List.of(need(p, file, "classes").split(",")), need(p, file, "normalization"), provenance);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  private static String need(Properties p, Path file, String key) throws IOException {
    String v = p.getProperty(key);
    if (v == null || v.isBlank()) {
      throw new IOException(file + " has no '" + key + "'");
    }
    return v.trim();
  }
}

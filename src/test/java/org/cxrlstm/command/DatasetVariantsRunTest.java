package org.cxrlstm.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cxrlstm.Main;
import org.cxrlstm.data.MiniatureManifests;
import org.cxrlstm.results.io.Csv;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A binary subset, the source probe and a left-out source, each through the real runner and report. */
@Tag("tensorflow")
class DatasetVariantsRunTest {
  @TempDir
  Path dir;

  private Path run(Path manifest, Map<String, String> extra) {
    Map<String, String> o = new HashMap<>(SmokeRun.overrides(dir));
    o.put("synthetic", "false");
    o.put("data.dir", manifest.getParent().toString());
    o.put("dataset.manifest", manifest.toString());
    o.put("architectures", "cnn");
    o.put("epochs", "1");
    o.put("tensorboard", "false");
    o.put("save.models", "false");
    o.putAll(extra);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    int code = Main.run("smoke", o, quiet, new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    Path root = dir.resolve("results/smoke");
    assertTrue(Files.exists(root.resolve("report.md")), "report written");
    return root;
  }

  private static Set<String> column(Csv.Table t, String name) throws Exception {
    Set<String> v = new TreeSet<>();
    for (int i = 0; i < t.rows().size(); i++) {
      v.add(t.rows().get(i).toMap().get(name));
    }
    return v;
  }

  @Test
  void covidVersusNormalKeepsTwoClasses() throws Exception {
    Path root = run(MiniatureManifests.darkcovidnet(dir.resolve("dark"), 9), Map.of("classes", "covid,normal"));
    Csv.Table p = Csv.read(root.resolve("predictions.csv"));
    assertTrue(p.header().containsAll(List.of("p_covid", "p_normal")) && !p.header().contains("p_pneumonia"),
        p.header().toString());
    assertEquals(Set.of("covid", "normal"), column(Csv.read(root.resolve("split.csv")), "label"));
    Map<String, String> trial = Csv.read(root.resolve("trials.csv")).rows().get(0).toMap();
    assertTrue(!trial.get("test_sensitivity_covid").isEmpty() && trial.get("test_sensitivity_pneumonia").isEmpty(),
        trial.toString());
    String report = Files.readString(root.resolve("report.md"));
    assertTrue(report.contains("COVID-19") && report.contains("Normal"), "class titles in the report");
  }

  @Test
  void theSourceProbePredictsTheSourceColumn() throws Exception {
    Path root = run(MiniatureManifests.darkcovidnet(dir.resolve("dark"), 9), Map.of("label.column", "source"));
    Csv.Table p = Csv.read(root.resolve("predictions.csv"));
    assertEquals(List.of("p_cohen", "p_nih"), p.header().stream().filter(h -> h.startsWith("p_")).toList());
    assertEquals(Set.of("cohen", "nih"), column(Csv.read(root.resolve("split.csv")), "label"));
    assertTrue(Files.readString(root.resolve("report.md")).contains("cohen"), "the probe's classes in the report");
  }

  @Test
  void leavingOneSourceOutTestsExactlyThatSource() throws Exception {
    Path manifest = MiniatureManifests.adultMixed(dir.resolve("mixed"), 12);
    Path root = run(manifest, Map.of("test.where", "source=nih"));
    Csv.Table split = Csv.read(root.resolve("split.csv"));
    org.cxrlstm.data.Manifest m = org.cxrlstm.data.Manifest.read(manifest);
    Set<String> nih = new TreeSet<>();
    for (int i = 0; i < m.rows().size(); i++) {
      if (m.values("source").get(i).equals("nih")) {
        nih.add(m.rows().get(i).file());
      }
    }
    Set<String> tested = new TreeSet<>();
    for (int i = 0; i < split.rows().size(); i++) {
      if (split.rows().get(i).toMap().get("partition").equals("test")) {
        tested.add(split.rows().get(i).toMap().get("file"));
      }
    }
    assertEquals(12, nih.size()); // 3 of 6 patients of pneumonia and of normal, 2 images each
    assertEquals(nih, tested);
  }
}

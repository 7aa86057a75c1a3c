package org.cxrlstm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cxrlstm.data.Dataset;
import org.cxrlstm.data.ImageEntry;
import org.cxrlstm.data.Manifest;
import org.cxrlstm.data.MiniatureManifests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code data.where}: one source of a mixed dataset, e.g. COVID-19 vs pneumonia on Cohen images only. */
class DataWhereTest {
  @TempDir
  Path dir;

  private Dataset load(Path manifest, Map<String, String> extra) throws IOException {
    Map<String, String> m = new java.util.HashMap<>(Map.of("data.dir", manifest.getParent().toString(),
        "dataset.manifest", manifest.toString()));
    m.putAll(extra);
    return DatasetSettings.load(Settings.of(m));
  }

  @Test
  void keepsOnlyTheRowsOfOneSource() throws IOException {
    Path manifest = MiniatureManifests.adultMixed(dir.resolve("mixed"), 8);
    Manifest all = Manifest.read(manifest);
    Set<String> cohen = new TreeSet<>();
    for (int i = 0; i < all.rows().size(); i++) {
      if (all.values("source").get(i).equals("cohen") && !all.rows().get(i).label().equals("normal")) {
        cohen.add(all.rows().get(i).file());
      }
    }
    Dataset d = load(manifest, Map.of("data.where", "source=cohen", "classes", "covid,pneumonia"));
    assertEquals(List.of("covid", "pneumonia"), d.classes());
    assertEquals(cohen, new TreeSet<>(d.entries().stream().map(ImageEntry::file).toList()));
    // 8 covid, all cohen; pneumonia patients alternate cohen and nih in pairs: 4 of 8 images
    assertEquals(12, d.size());
  }

  @Test
  void aBadWhereNamesTheKeyAndTheValues() throws IOException {
    Path manifest = MiniatureManifests.adultMixed(dir.resolve("mixed"), 4);
    SettingException noColumn = assertThrows(SettingException.class,
        () -> load(manifest, Map.of("data.where", "hospital=x")));
    assertTrue(noColumn.getMessage().startsWith("setting 'data.where' = 'hospital=x' names no column of"),
        noColumn.getMessage());
    SettingException noRow = assertThrows(SettingException.class,
        () -> load(manifest, Map.of("data.where", "source=mayo")));
    assertTrue(noRow.getMessage().contains("matches no row") && noRow.getMessage().contains("[actualmed, cohen, nih]"),
        noRow.getMessage());
    SettingException form = assertThrows(SettingException.class, () -> load(manifest, Map.of("data.where", "cohen")));
    assertTrue(form.getMessage().contains("is not COLUMN=VALUE"), form.getMessage());
  }
}

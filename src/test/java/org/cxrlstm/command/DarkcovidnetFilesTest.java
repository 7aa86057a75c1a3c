package org.cxrlstm.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.cxrlstm.config.ExperimentFile;
import org.cxrlstm.config.Keys;
import org.cxrlstm.config.Settings;
import org.cxrlstm.protocol.Plan;
import org.junit.jupiter.api.Test;

/** The two darkcovidnet experiment files resolve and plan CNN and CNN-LSTM on 5 folds, on the baseline's protocol. */
class DarkcovidnetFilesTest {
  @Test
  void bothFilesPlanTenTrialsOnTheirClasses() throws Exception {
    Map<String, String> base = ExperimentFile.read(Path.of("experiments/baseline.properties"));
    for (String name : new String[] {"darkcovidnet", "darkcovidnet-binary"}) {
      Map<String, String> file = ExperimentFile.read(Path.of("experiments/" + name + ".properties"));
      Settings s = Keys.resolve(Settings.of(file));
      assertEquals(10, Plan.of(s).size(), name);
      assertEquals(name.endsWith("binary") ? "covid,normal" : "covid,pneumonia,normal", s.string("classes"));
      assertEquals("data/covid-darkcovidnet.csv", s.string("dataset.manifest"));
      for (String key : new String[] {"learning.rates", "epochs", "input.size", "width", "batch.size", "patience",
          "augment", "seed", "test.fraction", "folds", "architectures", "lstm.units", "normalization", "init"}) {
        assertEquals(base.get(key), file.get(key), name + ": " + key + " differs from the baseline");
      }
    }
  }
}

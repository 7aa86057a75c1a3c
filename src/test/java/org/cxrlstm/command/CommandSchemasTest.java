package org.cxrlstm.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.cxrlstm.Main;
import org.cxrlstm.config.SettingException;
import org.cxrlstm.config.Settings;
import org.junit.jupiter.api.Test;

/** Every command resolves its keys through one schema: same refusal of unknown keys, same checks. */
class CommandSchemasTest {
  private record Run(int code, String err) {}

  private static Run run(String experiment, Map<String, String> settings) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    int code = Main.run(experiment, settings, quiet, new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, err.toString(StandardCharsets.UTF_8));
  }

  private static List<String> everyCommand() {
    List<String> names = new ArrayList<>();
    Commands.all().forEach(e -> names.add(e.name()));
    names.add("baseline");
    names.add("smoke");
    return names;
  }

  @Test
  void everyCommandRefusesATypoOfLearningRatesNamingTheKeyAndTheLists() {
    for (String name : everyCommand()) {
      Run r = run(name, Map.of("learning.rate", "1e-3"));
      assertEquals(Main.BAD_INPUT, r.code(), name + ": " + r.err());
      assertEquals(1, r.err().lines().count(), name + " prints one line: " + r.err());
      assertTrue(r.err().startsWith("Invalid setting: setting 'learning.rate' is not a setting of "), name + ": " + r.err());
      assertTrue(r.err().contains("'learning.rates'"), name + " points at the near key: " + r.err());
      assertTrue(r.err().contains("on neither the JVM nor the Maven property list"), name + ": " + r.err());
    }
  }

  @Test
  void commandLineKeysAreSplitByTheJvmAndMavenLists() {
    assertEquals("JVM", Catalog.owner("java.home"));
    assertEquals("JVM", Catalog.owner("user.dir"));
    assertEquals("Maven", Catalog.owner("maven.home"));
    assertEquals("Maven", Catalog.owner("skipTests"));
    assertEquals("Maven", Catalog.owner("style.color"));
    assertNull(Catalog.owner("testing"), "'test' is a Maven key, 'testing' is not");
    assertNull(Catalog.owner("learning.rates"));
    assertNull(Catalog.owner("Threads"));
    Properties p = new Properties();
    p.setProperty("java.version", "17");
    p.setProperty("maven.home", "/usr/share/maven");
    p.setProperty("experiment", "baseline");
    p.setProperty("Threads", "2");
    p.setProperty("threads", "2");
    assertEquals(Map.of("Threads", "2", "threads", "2"), Catalog.commandLineSettings(p),
        "a key with a capital letter reaches the command, which refuses it");
  }

  @Test
  void aCapitalisedKeyIsRefusedNotDropped() {
    Run r = run("summary", Map.of("Input.Size", "64"));
    assertEquals(Main.BAD_INPUT, r.code());
    assertTrue(r.err().contains("'Input.Size' is not a setting of summary; did you mean 'input.size'?"), r.err());
  }

  @Test
  void threadsAutoIsAcceptedByEvaluateAndPredict() {
    // the run gets past the threads key and stops at the missing models folder
    Run e = run("evaluate", Map.of("threads", "auto", "models", "no-such-models", "data", "no-such-data"));
    assertEquals(Main.BAD_INPUT, e.code());
    assertTrue(e.err().contains("'models' = 'no-such-models'"), e.err());
    Run p = run("predict", Map.of("threads", "auto", "models", "no-such-models", "image", "x.png"));
    assertTrue(p.err().contains("'models' = 'no-such-models'"), p.err());
    Run bad = run("evaluate", Map.of("threads", "many", "models", "m", "data", "d"));
    assertTrue(bad.err().startsWith("Invalid setting: setting 'threads' = 'many'"), bad.err());
  }

  @Test
  void booleansAreTrueOrFalseEverywhere() {
    assertThrows(SettingException.class, () -> Settings.of(Map.of("augment.flip", "yes")).bool("augment.flip", false));
    assertThrows(SettingException.class, () -> Settings.of(Map.of("augment.flip", "on")).bool("augment.flip", false));
    assertTrue(Settings.of(Map.of("augment.flip", "true")).bool("augment.flip", false));
    Run r = run("smoke", Map.of("tensorboard", "yes"));
    assertEquals(Main.BAD_INPUT, r.code());
    assertTrue(r.err().contains("'tensorboard' = 'yes' is not a boolean"), r.err());
  }

  @Test
  void dataBesideSyntheticImagesIsRefused() {
    Run r = run("smoke", Map.of("data", "some/folder"));
    assertEquals(Main.BAD_INPUT, r.code());
    assertTrue(r.err().contains("'data' = 'some/folder' cannot be used with synthetic = true"), r.err());
  }

  @Test
  void everyCommandListsItsKeys() {
    for (Experiment e : Commands.all()) {
      assertFalse(e.schema().owner().isBlank());
      for (String key : e.schema().names()) {
        assertTrue(key.equals(key.toLowerCase()), e.name() + " key " + key);
      }
    }
    assertEquals(List.of("results", "out"), new ReportExperiment(System.out).schema().names());
  }
}

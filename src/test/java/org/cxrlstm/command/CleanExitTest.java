package org.cxrlstm.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cxrlstm.Main;
import org.cxrlstm.config.ExperimentFile;
import org.cxrlstm.config.KeysTest;
import org.cxrlstm.config.SettingException;
import org.cxrlstm.config.Settings;
import org.cxrlstm.data.DataException;
import org.cxrlstm.data.image.SyntheticImages;
import org.cxrlstm.protocol.CrossValidation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input exits 2 with one line per problem; the stack trace only with -Ddebug=true. */
class CleanExitTest {
  @TempDir
  Path dir;

  private final PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());

  /** An ImageFolder with three different bad files beside good ones. */
  private Path badFolder() throws IOException {
    Path data = SyntheticImages.writeImageFolder(dir.resolve("images"), 4, 32, 1);
    Files.delete(data.resolve("manifest.csv"));
    Files.write(data.resolve("covid/empty.png"), new byte[0]);
    Files.writeString(data.resolve("pneumonia/notes.txt"), "not an image");
    byte[] png = Files.readAllBytes(data.resolve("normal/normal-000.png"));
    Files.write(data.resolve("normal/normal-000.png"), java.util.Arrays.copyOf(png, png.length / 2));
    return data;
  }

  private String run(Map<String, String> extra, int expectedCode) throws IOException {
    Map<String, String> o = new java.util.HashMap<>(SmokeRun.overrides(dir));
    o.put("synthetic", "false");
    o.put("data", badFolder().toString());
    o.putAll(extra);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run("smoke", o, quiet, new PrintStream(err, true, StandardCharsets.UTF_8));
    String text = err.toString(StandardCharsets.UTF_8);
    assertEquals(expectedCode, code, text);
    return text;
  }

  @Test
  void badDataExitsTwoNamingEveryFileWithoutAStackTrace() throws IOException {
    String err = run(Map.of(), Main.BAD_INPUT);
    assertTrue(err.startsWith("Bad input: "), err);
    // every problem of the folder, one line each
    for (String name : List.of("covid/empty.png: is empty", "pneumonia/notes.txt: not an image file")) {
      assertTrue(err.contains(name), err);
    }
    assertFalse(err.contains("\tat "), err);
  }

  @Test
  void debugAddsTheStackTrace() throws IOException {
    String err = run(Map.of(Main.DEBUG, "true"), Main.BAD_INPUT);
    assertTrue(err.contains("\tat org.cxrlstm."), err);
  }

  @Test
  void typoInAnExperimentFileNamesFileAndLine() throws IOException {
    Path file = dir.resolve("typo.properties");
    StringBuilder valid = new StringBuilder("# a comment\n");
    KeysTest.minimal().forEach((k, v) -> valid.append(k).append(" = ").append(v).append('\n'));
    int typoLine = 2 + KeysTest.minimal().size();
    Files.writeString(file, valid + "epochz = 3\n");
    SweepExperiment e = new SweepExperiment("typo", file, Map.of(), CrossValidation::open, quiet);
    SettingException x = assertThrows(SettingException.class, () -> e.resolve(Settings.empty()));
    assertTrue(x.getMessage().startsWith(file + " line " + typoLine + ": setting 'epochz' is not a setting of experiment typo; did you mean 'epochs'?"),
        x.getMessage());
    // a bad value overridden on the command line is not the file's fault
    Files.writeString(file, valid.toString().replace("epochs = 2", "epochs = 0"));
    SettingException y = assertThrows(SettingException.class,
        () -> e.resolve(Settings.of(Map.of("epochs", "-1"))));
    assertTrue(y.getMessage().startsWith("setting 'epochs' = '-1'"), y.getMessage());
    Files.writeString(file, "description = typo\nseed = 1\n  seed=2\n");
    SettingException twice = assertThrows(SettingException.class, () -> e.resolve(Settings.empty()));
    assertTrue(twice.getMessage().startsWith(file + " line 3: setting 'seed' = '2' is given twice"), twice.getMessage());
    Files.writeString(file, "description = a \\\nlong one\nmask = \\u12\n");
    DataException bad = assertThrows(DataException.class, () -> e.resolve(Settings.empty()));
    assertTrue(bad.getMessage().startsWith(file + " line 3: malformed \\uXXXX escape"), bad.getMessage());
  }

  @Test
  void continuationLinesAreNotKeys() throws IOException {
    Path file = dir.resolve("c.properties");
    Files.writeString(file, "description = first \\\n epochs = not a key here\nepochs = 2\n");
    assertEquals(3, ExperimentFile.line(file, "epochs"));
    assertEquals(1, ExperimentFile.line(file, "description"));
    assertEquals(0, ExperimentFile.line(file, "seed"));
  }
}

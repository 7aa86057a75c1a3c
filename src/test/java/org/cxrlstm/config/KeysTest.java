package org.cxrlstm.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

public class KeysTest {
  /** The smallest complete experiment. */
  public static Map<String, String> minimal() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("seed", "42");
    m.put("test.fraction", "0.15");
    m.put("folds", "3");
    m.put("architectures", "cnn,cnn-lstm");
    m.put("learning.rates", "3e-4");
    m.put("epochs", "2");
    m.put("input.size", "32");
    m.put("width", "0.125");
    m.put("batch.size", "4");
    m.put("patience", "0");
    return m;
  }

  private static SettingException fails(Map<String, String> m) {
    return assertThrows(SettingException.class, () -> Keys.resolve(Settings.of(m)));
  }

  @Test
  void defaultsAreFilledAndGivenValuesKept() {
    Settings s = Keys.resolve(Settings.of(minimal()));
    assertEquals("none", s.string("mask"));
    assertEquals("64", s.string("lstm.units"));
    assertEquals("1.0", s.string("lr.decay.factor"));
    assertEquals("3e-4", s.string("learning.rates"));
    assertEquals(Keys.all().size(), s.asMap().size());
  }

  @Test
  void unknownKeyIsNamedWithASuggestion() {
    Map<String, String> m = minimal();
    m.put("learning.rate", "1e-4");
    SettingException e = fails(m);
    assertEquals("learning.rate", e.key());
    assertTrue(e.getMessage().contains("learning.rates"), e.getMessage());
  }

  @Test
  void missingRequiredKeyIsNamed() {
    Map<String, String> m = minimal();
    m.remove("folds");
    SettingException e = fails(m);
    assertEquals("folds", e.key());
    assertTrue(e.getMessage().contains("missing"), e.getMessage());
  }

  @Test
  void invalidValuesAreNamedWithTheValue() {
    String[][] cases = {
        {"epochs", "0"}, {"epochs", "5,x"}, {"learning.rates", "fast"}, {"augment", "maybe"},
        {"architectures", "cnn,rnn"}, {"folds", "1"}, {"test.fraction", "1.5"}, {"threads", "0"},
        {"mask", "lungs-left"}, {"precision", "float64"}, {"learning.rates", "1e-4,"}, {"trial", "-1"}};
    for (String[] c : cases) {
      Map<String, String> m = minimal();
      m.put(c[0], c[1]);
      SettingException e = fails(m);
      assertEquals(c[0], e.key(), c[0] + "=" + c[1]);
      assertTrue(e.getMessage().contains(c[1]), e.getMessage());
    }
  }

  @Test
  void contradictorySettingsFail() {
    Map<String, String> m = minimal();
    m.put("input.size", "100");
    assertEquals("input.size", fails(m).key());
    m = minimal();
    m.put("learning.rates", "3e-4,0.0003");
    assertEquals("learning.rates", fails(m).key());
    m = minimal();
    m.put("patience", "5");
    m.put("lr.decay.patience", "5");
    assertEquals("lr.decay.patience", fails(m).key());
  }
}

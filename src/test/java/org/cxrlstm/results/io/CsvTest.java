package org.cxrlstm.results.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {
  @TempDir
  Path tmp;

  @Test
  void quotedValuesRoundTrip() throws Exception {
    Path file = tmp.resolve("quotes.csv");
    List<String> tricky = List.of("a,b", "say \"hi\"", "two\nlines", "crlf\r\nend", "", " padded ");
    Csv.write(file, List.of("name", "value"), List.of(List.of("plain", "1"), List.of("x", tricky.get(0)),
        List.of("y", tricky.get(1)), List.of("z", tricky.get(2)), List.of("w", tricky.get(3)),
        List.of("v", tricky.get(4)), List.of("u", tricky.get(5))));
    Csv.Table t = Csv.read(file, List.of("name", "value"));
    assertEquals(List.of("name", "value"), t.header());
    assertEquals(List.of("1", "a,b", "say \"hi\"", "two\nlines", "crlf\r\nend", "", " padded "),
        t.rows().stream().map(r -> r.get("value")).toList());
    assertEquals(List.of("plain", "x", "y", "z", "w", "v", "u"), t.rows().stream().map(r -> r.get("name")).toList());
    // lines count from the header (line 1); a quoted line end moves the next record down
    assertEquals(List.of(2, 3, 4, 5, 7, 9, 10), t.rows().stream().map(Csv.Row::line).toList());
  }

  @Test
  void writesCrlfAndQuotesOnlyWhereNeeded() throws Exception {
    Path file = tmp.resolve("out.csv");
    Csv.writeRows(file, List.of("a", "b"), rows -> {
      rows.row("1", "x,y");
      rows.row(List.of("2", "q\"q"));
    });
    assertEquals("a,b\r\n1,\"x,y\"\r\n2,\"q\"\"q\"\r\n", Files.readString(file, StandardCharsets.UTF_8));
  }

  @Test
  void appenderFlushesEachRow() throws Exception {
    Path file = tmp.resolve("epochs.csv");
    try (Csv.Appender a = Csv.append(file, List.of("epoch", "loss"))) {
      assertEquals("epoch,loss\r\n", Files.readString(file));
      a.row(1, 0.5);
      assertEquals("epoch,loss\r\n1,0.5\r\n", Files.readString(file));
      a.row(List.of("2", ""));
    }
    assertEquals("epoch,loss\r\n1,0.5\r\n2,\r\n", Files.readString(file));
  }

  @Test
  void readsLfAndCrlfAlike() throws Exception {
    Path lf = tmp.resolve("lf.csv");
    Path crlf = tmp.resolve("crlf.csv");
    Files.writeString(lf, "k,v\n1,\"a\nb\"\n2,c\n");
    Files.writeString(crlf, "k,v\r\n1,\"a\nb\"\r\n2,c\r\n");
    for (Path file : List.of(lf, crlf)) {
      Csv.Table t = Csv.read(file);
      assertEquals(List.of("k", "v"), t.header(), file.toString());
      assertEquals(List.of(List.of("1", "a\nb"), List.of("2", "c")), t.rows().stream().map(Csv.Row::values).toList());
      assertEquals(List.of(2, 4), t.rows().stream().map(Csv.Row::line).toList());
      Map<String, String> second = new LinkedHashMap<>();
      second.put("k", "2");
      second.put("v", "c");
      assertEquals(second, t.rows().get(1).toMap());
    }
  }

  @Test
  void typedAccessors() throws Exception {
    Path file = tmp.resolve("typed.csv");
    Files.writeString(file, "n,x,s\n7,0.25,word\n-3,,\n0,NaN,z\n");
    List<Csv.Row> rows = Csv.read(file).rows();
    assertEquals(7, rows.get(0).integer("n"));
    assertEquals(-3, rows.get(1).integer("n"));
    assertEquals(0.25, rows.get(0).real("x"), 0);
    assertTrue(Double.isNaN(rows.get(1).real("x")), "blank reads as NaN");
    assertTrue(Double.isNaN(rows.get(2).real("x")), "NaN reads as NaN");
    assertEquals("word", rows.get(0).nonBlank("s"));
    assertEquals("", rows.get(1).get("s"));
    assertTrue(rows.get(0).has("x"));
    assertFalse(rows.get(0).has("y"));
  }

  @Test
  void missingColumnNamesFileLineAndColumn() throws Exception {
    Path file = tmp.resolve("missing.csv");
    Files.writeString(file, "a,b\r\n1,2\r\n");
    CsvException e = assertThrows(CsvException.class, () -> Csv.read(file, List.of("a", "c")));
    assertEquals(file + ":1: column 'c' is missing (header: a,b)", e.getMessage());
    Csv.Row row = Csv.read(file).rows().get(0);
    CsvException get = assertThrows(CsvException.class, () -> row.get("c"));
    assertEquals(file + ":2: column 'c' is missing (header: a,b)", get.getMessage());
  }

  @Test
  void shortAndLongRowsNameFileAndLine() throws Exception {
    Path file = tmp.resolve("short.csv");
    Files.writeString(file, "a,b,c\n1,2,3\n4,5\n");
    CsvException e = assertThrows(CsvException.class, () -> Csv.read(file));
    assertEquals(file + ":3: 2 fields, the header has 3 (column 'c' is missing)", e.getMessage());
    Path longer = tmp.resolve("long.csv");
    Files.writeString(longer, "a,b\n1,2,3\n");
    CsvException l = assertThrows(CsvException.class, () -> Csv.read(longer));
    assertEquals(longer + ":2: 3 fields, the header has 2", l.getMessage());
  }

  @Test
  void badValuesNameFileLineColumnAndValue() throws Exception {
    Path file = tmp.resolve("bad.csv");
    Files.writeString(file, "n,x\n1,0.5\n2.5,abc\n,1\n");
    List<Csv.Row> rows = Csv.read(file).rows();
    assertEquals(file + ":3: column 'x' = 'abc' is not a number",
        assertThrows(CsvException.class, () -> rows.get(1).real("x")).getMessage());
    assertEquals(file + ":3: column 'n' = '2.5' is not a whole number",
        assertThrows(CsvException.class, () -> rows.get(1).integer("n")).getMessage());
    assertEquals(file + ":4: column 'n' = '' is blank",
        assertThrows(CsvException.class, () -> rows.get(2).nonBlank("n")).getMessage());
  }

  @Test
  void invalidCsvNamesTheFile() throws Exception {
    Path file = tmp.resolve("broken.csv");
    Files.writeString(file, "a,b\n\"open,1\n");
    CsvException e = assertThrows(CsvException.class, () -> Csv.read(file));
    assertTrue(e.getMessage().startsWith(file + ": not valid CSV: "), e.getMessage());
  }

  @Test
  void readsAStreamUnderAName() throws Exception {
    Csv.Table t = Csv.read("/paper/x.csv", new ByteArrayInputStream("q,v\nacc,0.9\n".getBytes(StandardCharsets.UTF_8)),
        List.of("q"));
    assertEquals("/paper/x.csv", t.source());
    assertEquals("0.9", t.rows().get(0).get("v"));
    assertEquals("/paper/x.csv:2: column 'v' = '0.9' is not a whole number",
        assertThrows(CsvException.class, () -> t.rows().get(0).integer("v")).getMessage());
  }
}

package org.cxrlstm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The package order of docs/architecture.md: every project import points to a package below. */
class ArchitectureTest {
  /** Bottom to top, as in docs/architecture.md; "" is the root package (Main). */
  static final List<String> ORDER = List.of("results.io", "model", "data", "data.image", "split", "eval", "train", "train.gradcam", "train.bench", "metadata",
      "cluster", "config", "results", "protocol", "report.page", "report.input", "report.stats", "report", "command", "");
  private static final Path MAIN = Path.of("src/main/java/org/cxrlstm");
  private static final Pattern REFERENCE = Pattern.compile("\\borg\\.cxrlstm\\.((?:[a-z]+\\.)*)[A-Z]");
  /** Comments and string literals: a class named there is no dependency. */
  private static final Pattern NOT_CODE = Pattern.compile("/\\*[\\s\\S]*?\\*/|//[^\\n]*|\"(?:\\\\.|[^\"\\\\\\n])*\"");

  @Test
  void everyProjectImportPointsDown() throws IOException {
    List<String> upward = new ArrayList<>();
    Set<String> packages = new TreeSet<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String from = MAIN.relativize(file.getParent()).toString().replace('/', '.');
        packages.add(from);
        assertTrue(ORDER.contains(from), "package " + from + " is not in the documented order");
        Matcher m = REFERENCE.matcher(NOT_CODE.matcher(Files.readString(file)).replaceAll(" "));
        while (m.find()) {
          String to = m.group(1).isEmpty() ? "" : m.group(1).substring(0, m.group(1).length() - 1);
          if (!to.equals(from) && ORDER.indexOf(to) > ORDER.indexOf(from)) {
            upward.add(MAIN.relativize(file) + " -> " + (to.isEmpty() ? "root" : to));
          }
        }
      }
    }
    assertEquals(List.of(), upward, "imports that point up the package order");
    assertEquals(new TreeSet<>(ORDER), packages, "every documented package exists and no other");
  }

  @Test
  void theDocumentedOrderIsTheOneOnThePage() throws IOException {
    String page = Files.readString(Path.of("docs/architecture.md"));
    int last = -1;
    for (String p : ORDER) {
      int at = page.indexOf(p.isEmpty() ? "| root |" : "| `" + p + "` |");
      assertTrue(at > last, p + " is listed in docs/architecture.md in the order of ORDER");
      last = at;
    }
  }
}

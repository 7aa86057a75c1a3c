package org.cxrlstm.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClasspathTest {
  @Test
  void childJvmLoadsTheHarnessFromTheResolvedClasspath() throws Exception {
    List<Path> cp = Classpath.of(Classpath.class);
    assertTrue(cp.stream().allMatch(Path::isAbsolute), cp.toString());
    assertTrue(cp.stream().anyMatch(p -> Files.exists(p.resolve("org/cxrlstm/cluster/Classpath.class"))),
        "project classes on " + cp);
    assertTrue(cp.stream().anyMatch(p -> p.getFileName().toString().startsWith("commons-csv")),
        "dependencies on " + cp);
    // a child JVM finds the entry point and a dependency through it
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-cp", Classpath.joined(cp),
        "org.cxrlstm.cluster.ClasspathProbe").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes()).trim();
    assertEquals(0, p.waitFor(), out);
    assertEquals("org.cxrlstm.Main org.apache.commons.csv.CSVFormat", out);
  }
}

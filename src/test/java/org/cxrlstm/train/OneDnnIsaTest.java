package org.cxrlstm.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.cxrlstm.cluster.Classpath;
import org.cxrlstm.train.bench.OneDnnIsa;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The probe reads oneDNN's own report from a child JVM, and the cap is obeyed there. */
@Tag("slow")
class OneDnnIsaTest {
  @Test
  void aChildCappedAtAvx2ReportsAvx2() {
    assumeTrue((" " + Precision.cpuFlags() + " ").contains(" avx2 "), "needs an x86 CPU with AVX2");
    String classpath = Classpath.joined(Classpath.of(OneDnnIsa.class));
    assertEquals("Intel AVX2", OneDnnIsa.probe(classpath, "AVX2"));
  }
}

package org.cxrlstm.experiment;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;

/**
 * Regenerates the report of a results folder after {@code evaluate}. The report package is built
 * in parallel with this command; until {@code org.cxrlstm.report.Report.write(Path)} is on the
 * class path this says so and leaves the CSVs for {@code -Dexperiment=report} later.
 */
final class ReportHook {
  private ReportHook() {}

  static void write(Path dir, PrintStream out) throws Exception {
    Method write;
    try {
      write = Class.forName("org.cxrlstm.report.Report").getMethod("write", Path.class);
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      out.println("no report package in this build: tables and plots of " + dir + " not written");
      return;
    }
    try {
      out.println("wrote " + write.invoke(null, dir));
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception ex ? ex : e;
    }
  }
}

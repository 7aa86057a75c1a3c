package org.cxrlstm.report.input;

/** A results file that is missing, lacks a column or holds a malformed row; the message names file, line and column. */
public final class ReportInputException extends RuntimeException {
  public ReportInputException(String message) {
    super(message);
  }

  public ReportInputException(String message, Throwable cause) {
    super(message, cause);
  }
}

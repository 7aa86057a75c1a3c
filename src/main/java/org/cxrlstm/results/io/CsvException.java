package org.cxrlstm.results.io;

/**
 * A CSV file that is not valid CSV, lacks a column, or holds a malformed row. The message is one
 * line naming the file and, where they apply, the line and the column: {@code FILE:LINE: column
 * 'NAME' = 'VALUE' is not a number}.
 */
public final class CsvException extends RuntimeException {
  public CsvException(String message) {
    super(message);
  }

  public CsvException(String message, Throwable cause) {
    super(message, cause);
  }
}

/**
 * The bottom of the results format, importing nothing of the project so that every package can
 * use it: {@link org.cxrlstm.results.io.AtomicFiles} (atomic file writes, properties files, file
 * locks) and {@link org.cxrlstm.results.io.Csv} (the one CSV format, its writers and its reader).
 */
package org.cxrlstm.results.io;

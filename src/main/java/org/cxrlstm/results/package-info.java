/**
 * The results format: the folder layout, atomic writes, the per-trial and merged CSVs, and the
 * merge of finished trials into the experiment-level files.
 */
package org.cxrlstm.results;

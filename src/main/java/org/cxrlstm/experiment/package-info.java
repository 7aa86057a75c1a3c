/**
 * Experiments: the settings schema ({@link org.cxrlstm.experiment.Keys}), experiment files and
 * commands, the deterministic trial plan, the idempotent trial runner with per-trial folders, and
 * the merge of finished trials into the experiment-level CSVs.
 */
package org.cxrlstm.experiment;

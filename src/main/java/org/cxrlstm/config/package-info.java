/**
 * The settings schema ({@link org.cxrlstm.config.Keys}), experiment files, and typed views of
 * resolved settings: the dataset, the split, threads, oneDNN, and one trial's settings
 * ({@link org.cxrlstm.config.Trial}).
 */
package org.cxrlstm.config;

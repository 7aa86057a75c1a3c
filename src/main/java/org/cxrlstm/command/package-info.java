/**
 * The commands: {@link org.cxrlstm.command.Catalog} maps {@code -Dexperiment=NAME} to a command
 * class or an {@code experiments/NAME.properties} sweep; each command resolves its keys through the
 * one schema in {@code config} before it does any work.
 */
package org.cxrlstm.command;

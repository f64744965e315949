/**
 * The rules that make a network learn: one class per rule, each with a stable id, and the book that
 * applies them.
 *
 * <p>Depends on: {@code config}, {@code data}, {@code network}, {@code training}.
 */
package org.nnlab.rules;

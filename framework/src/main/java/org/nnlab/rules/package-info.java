/** The rules that make a network learn: one class per rule, each with a stable id, and the book that applies them. */
package org.nnlab.rules;

/**
 * The sparse exact solver of absorbing Markov chains (ADR 0007): strongly connected components in topological order,
 * exact elimination off cycles and in small loops, Gauss-Seidel with a proven error bound in large ones, and the
 * diagonal of the fundamental matrix for removal effects (dense, by sparse elimination and selected inversion, or by
 * column solves where the sparse factors would fill in).
 */
package com.journeyexplorer.analysis.chain;

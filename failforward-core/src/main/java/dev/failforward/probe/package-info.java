/** Probes: perturbations of test rows that try to make a model fail on purpose. */
package dev.failforward.probe;

/** Runs: one evaluation of a model on data, with its status and provenance. */
package dev.failforward.run;

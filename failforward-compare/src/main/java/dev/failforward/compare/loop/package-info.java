/**
 * {@code loop}: scan, detect, probe, retrain and compare for several rounds, each round starting from
 * the model kept so far, with the trajectory measured on verification rows no round chooses from.
 */
package dev.failforward.compare.loop;

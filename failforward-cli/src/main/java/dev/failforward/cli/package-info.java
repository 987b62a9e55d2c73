/** The {@code failforward} command: verbs, options, progress and exit codes. */
package dev.failforward.cli;

/**
 * Table readers that plug into the core's {@link dev.failforward.data.TableReader} SPI, one
 * subpackage per file format, so that core stays free of format libraries.
 */
package dev.failforward.io;

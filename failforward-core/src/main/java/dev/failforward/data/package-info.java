/** Columnar tables, their schema, and the readers that load them (CSV here, more as plugins). */
package dev.failforward.data;

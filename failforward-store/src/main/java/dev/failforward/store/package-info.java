/**
 * The failure log on JDBC: one SQLite file by default, PostgreSQL for teams, with the same
 * schema on both, kept up to date by versioned migrations. {@link dev.failforward.store.JdbcFailureLog#open}
 * is the entry point.
 */
package dev.failforward.store;

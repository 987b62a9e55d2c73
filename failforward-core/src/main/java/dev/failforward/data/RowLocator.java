package dev.failforward.data;

/** Turns a row index into an error that names where the row is in its source (file and line). */
@FunctionalInterface
public interface RowLocator {

    DataException error(int row, String column, String message);
}

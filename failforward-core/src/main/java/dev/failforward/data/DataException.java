package dev.failforward.data;

/**
 * Bad input data. The message is one line a user can act on: the file, and where it
 * applies the line and column, then what was expected.
 */
public class DataException extends RuntimeException {

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }

    /** "{@code file:line: column 'c': message}" — line numbers are 1-based, as editors show them. */
    public static DataException at(String file, long line, String column, String message) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line).append(": line ").append(line);
        }
        if (column != null) {
            sb.append(", column '").append(column).append('\'');
        }
        return new DataException(sb.append(": ").append(message).toString());
    }
}

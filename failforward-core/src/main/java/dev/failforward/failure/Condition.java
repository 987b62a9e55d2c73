package dev.failforward.failure;

import dev.failforward.api.PublicApi;

/**
 * A parsed {@code --where} condition on a failure's input values. It is a tree, never SQL text:
 * a store turns it into SQL with bound parameters, so a value can hold any characters.
 */
@PublicApi
public sealed interface Condition {

    /** Comparison operators. */
    enum Op {
        EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        public final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }
    }

    /** {@code column op value}: value is a String (compared as text) or a Double (compared as a number). */
    record Compare(String column, Op op, Object value) implements Condition {
    }

    record And(Condition left, Condition right) implements Condition {
    }

    record Or(Condition left, Condition right) implements Condition {
    }
}

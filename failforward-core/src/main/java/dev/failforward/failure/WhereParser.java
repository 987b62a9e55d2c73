package dev.failforward.failure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses a {@code --where} condition such as {@code contract = 'Month-to-month' AND (tenure < 6 OR
 * monthly_charges >= 80.5)} into a {@link Condition}. Grammar: comparisons {@code column op value}
 * with {@code = != <> < <= > >=}, joined by {@code AND} (binds tighter) and {@code OR}, grouped by
 * parentheses. A column is a bare name (letters, digits, {@code _ . -}) or a double-quoted one; a
 * value is a number or a single-quoted string ({@code ''} for a quote). Anything else is an
 * {@link IllegalArgumentException} naming the position, so text that looks like SQL either parses
 * as a literal or is refused.
 */
public final class WhereParser {

    private enum Kind { NAME, STRING, NUMBER, OP, AND, OR, OPEN, CLOSE, END }

    private record Token(Kind kind, String text, int at) {
    }

    private final String source;
    private final List<Token> tokens;
    private int next;

    private WhereParser(String source) {
        this.source = source;
        this.tokens = tokenize(source);
    }

    public static Condition parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("--where: empty condition; e.g. --where \"contract = 'Month-to-month' AND tenure < 6\"");
        }
        WhereParser p = new WhereParser(text);
        Condition c = p.or();
        p.expect(Kind.END, "AND, OR or the end");
        return c;
    }

    private Condition or() {
        Condition left = and();
        while (peek().kind == Kind.OR) {
            next++;
            left = new Condition.Or(left, and());
        }
        return left;
    }

    private Condition and() {
        Condition left = primary();
        while (peek().kind == Kind.AND) {
            next++;
            left = new Condition.And(left, primary());
        }
        return left;
    }

    private Condition primary() {
        if (peek().kind == Kind.OPEN) {
            next++;
            Condition inner = or();
            expect(Kind.CLOSE, "')'");
            return inner;
        }
        Token column = expect(Kind.NAME, "a column name or '('");
        Token op = expect(Kind.OP, "an operator (= != < <= > >=)");
        Token value = peek();
        Object v;
        if (value.kind == Kind.STRING) {
            v = value.text;
        } else if (value.kind == Kind.NUMBER) {
            v = Double.parseDouble(value.text);
        } else {
            throw error(value, "a number or a 'quoted string'");
        }
        next++;
        return new Condition.Compare(column.text, op(op.text), v);
    }

    private static Condition.Op op(String text) {
        return switch (text) {
            case "=" -> Condition.Op.EQ;
            case "!=", "<>" -> Condition.Op.NE;
            case "<" -> Condition.Op.LT;
            case "<=" -> Condition.Op.LE;
            case ">" -> Condition.Op.GT;
            default -> Condition.Op.GE;
        };
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token expect(Kind kind, String what) {
        Token t = peek();
        if (t.kind != kind) {
            throw error(t, what);
        }
        next++;
        return t;
    }

    private IllegalArgumentException error(Token t, String expected) {
        String found = t.kind == Kind.END ? "the end" : "'" + t.text + "'";
        return new IllegalArgumentException("--where: column " + (t.at + 1) + ": expected " + expected + ", found "
                + found + " in: " + source);
    }

    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                out.add(new Token(c == '(' ? Kind.OPEN : Kind.CLOSE, String.valueOf(c), i));
                i++;
            } else if (c == '\'' || c == '"') {
                StringBuilder sb = new StringBuilder();
                int start = i++;
                while (true) {
                    if (i >= s.length()) {
                        throw new IllegalArgumentException("--where: column " + (start + 1) + ": unterminated "
                                + (c == '\'' ? "string" : "quoted name") + " in: " + s);
                    }
                    char d = s.charAt(i++);
                    if (d == c) {
                        if (i < s.length() && s.charAt(i) == c) {
                            sb.append(c);
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        sb.append(d);
                    }
                }
                out.add(new Token(c == '\'' ? Kind.STRING : Kind.NAME, sb.toString(), start));
            } else if ("=!<>".indexOf(c) >= 0) {
                int start = i;
                String two = i + 1 < s.length() ? s.substring(i, i + 2) : "";
                String op = two.equals("!=") || two.equals("<=") || two.equals(">=") || two.equals("<>") ? two
                        : String.valueOf(c);
                if (op.equals("!")) {
                    throw new IllegalArgumentException("--where: column " + (start + 1) + ": '!' must be followed by '=' in: " + s);
                }
                out.add(new Token(Kind.OP, op, start));
                i += op.length();
            } else if (Character.isDigit(c) || ((c == '-' || c == '+' || c == '.') && i + 1 < s.length()
                    && (Character.isDigit(s.charAt(i + 1)) || s.charAt(i + 1) == '.'))) {
                int start = i++;
                while (i < s.length() && (Character.isDigit(s.charAt(i)) || ".eE".indexOf(s.charAt(i)) >= 0
                        || ((s.charAt(i) == '-' || s.charAt(i) == '+') && "eE".indexOf(s.charAt(i - 1)) >= 0))) {
                    i++;
                }
                String number = s.substring(start, i);
                try {
                    Double.parseDouble(number);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--where: column " + (start + 1) + ": not a number: '" + number + "' in: " + s);
                }
                out.add(new Token(Kind.NUMBER, number, start));
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || "_.-".indexOf(s.charAt(i)) >= 0)) {
                    i++;
                }
                String word = s.substring(start, i);
                String upper = word.toUpperCase(Locale.ROOT);
                out.add(new Token(upper.equals("AND") ? Kind.AND : upper.equals("OR") ? Kind.OR : Kind.NAME, word, start));
            } else {
                throw new IllegalArgumentException("--where: column " + (i + 1) + ": unexpected '" + c + "' in: " + s);
            }
        }
        out.add(new Token(Kind.END, "", s.length()));
        return out;
    }
}

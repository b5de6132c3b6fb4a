package com.journeyexplorer.graph;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The app's own check of a query for the read-only Cypher endpoint, before Neo4j's read-mode transaction (the
 * second line of defence) sees it. Comments, string literals and backticked names are blanked first, so words inside
 * them do not count; then a query is refused for a write or schema clause, {@code LOAD CSV} (file and network access),
 * {@code CALL { } IN TRANSACTIONS}, {@code USE} of another database, a procedure outside a short read-only allow-list
 * (a backticked procedure name counts as unknown), or more than one statement. Conservative: a variable named like a
 * write keyword ({@code MATCH (set)}) is refused too, unless it is named after {@code AS} or is a parameter; backtick
 * it. {@code SHOW} commands are refused ({@code SHOW TRANSACTIONS} would list other sessions' queries); other
 * administration commands that name no write keyword ({@code START DATABASE}) are left to Neo4j, which runs them only
 * on the system database.
 */
final class CypherGuard {

    /** Read-only procedures that Cypher users commonly want. */
    static final Set<String> ALLOWED_PROCEDURES = Set.of("db.labels", "db.relationshiptypes", "db.propertykeys",
            "db.schema.visualization", "db.schema.nodetypeproperties", "db.schema.reltypeproperties");
    private static final Set<String> REFUSED_WORDS = Set.of("CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE",
            "DROP", "ALTER", "RENAME", "GRANT", "DENY", "REVOKE", "TERMINATE", "FOREACH", "LOAD", "USE", "EXPLAIN",
            "PROFILE");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern CALL_TARGET = Pattern.compile("\\G\\s*([A-Za-z_][A-Za-z0-9_.$]*|[^A-Za-z_\\s])");
    /** A statement that starts with {@code SHOW}: an administration or listing command. */
    private static final Pattern SHOW_COMMAND = Pattern.compile("SHOW\\b");
    private static final Pattern IN_TRANSACTIONS = Pattern.compile("\\bIN\\s+(CONCURRENT\\s+)?TRANSACTIONS\\b");

    private CypherGuard() {
    }

    /** Throws {@link CypherRefusedException} naming the reason when {@code query} is not plainly read-only. */
    static void check(String query) {
        String code = blankLiterals(query);
        String trimmed = code.strip();
        // Where trimmed starts in the query, to quote a name as the user wrote it rather than as blanked.
        int lead = code.length() - code.stripLeading().length();
        while (trimmed.endsWith(";")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
        }
        if (trimmed.contains(";")) {
            throw new CypherRefusedException("only one statement is allowed (found ';' inside the query)");
        }
        String upper = trimmed.toUpperCase(Locale.ROOT);
        if (SHOW_COMMAND.matcher(upper).lookingAt()) {
            // SHOW TRANSACTIONS lists other sessions' queries, SHOW SETTINGS the server's configuration; EXPLAIN
            // classifies some as read-only, others as schema writes.
            throw new CypherRefusedException("SHOW commands are not allowed: the endpoint runs queries of the "
                    + "journeys data (a Bolt client such as Neo4j Browser shows the rest)");
        }
        if (IN_TRANSACTIONS.matcher(upper).find()) {
            throw new CypherRefusedException("CALL { } IN TRANSACTIONS is not allowed: the endpoint only reads");
        }
        Matcher word = WORD.matcher(trimmed);
        String previous = "";
        int previousEnd = -1;
        while (word.find()) {
            String keyword = word.group().toUpperCase(Locale.ROOT);
            boolean alias = previous.equals("AS") && trimmed.substring(previousEnd, word.start()).isBlank();
            previous = keyword;
            previousEnd = word.end();
            if (word.start() > 0 && trimmed.charAt(previousNonSpace(trimmed, word.start())) == '.') {
                continue; // a property or a namespace part: n.set, db.create...
            }
            if (alias || (word.start() > 0 && trimmed.charAt(word.start() - 1) == '$')) {
                continue; // a name given after AS (WITH 1 AS set), or a parameter ($create)
            }
            if (keyword.equals("CALL")) {
                checkCall(trimmed, word.end(), query, lead);
            } else if (REFUSED_WORDS.contains(keyword) && !isMapKey(trimmed, word.end())) {
                throw new CypherRefusedException(switch (keyword) {
                    case "LOAD" -> "LOAD CSV is not allowed: it reads files and URLs";
                    case "USE" -> "USE is not allowed: queries run on the journeys database only";
                    case "EXPLAIN", "PROFILE" -> keyword + " is not supported here";
                    default -> keyword + " is not allowed: the endpoint only reads";
                });
            }
        }
    }

    /** {@code query} and {@code lead}: the text as written, and where {@code code} starts in it. */
    private static void checkCall(String code, int from, String query, int lead) {
        Matcher target = CALL_TARGET.matcher(code);
        if (!target.find(from) || target.start() != from) {
            throw new CypherRefusedException("CALL must be followed by a subquery or a procedure name");
        }
        String name = target.group(1);
        if (name.equals("{") || name.equals("(")) {
            return; // a subquery, whose clauses are checked like the rest
        }
        if (!ALLOWED_PROCEDURES.contains(name.toLowerCase(Locale.ROOT))) {
            String written = writtenName(query, lead + target.start(1));
            throw new CypherRefusedException("procedure '" + (written.isEmpty() ? name : written) + "' is not allowed; "
                    + "allowed: "
                    + String.join(", ", new java.util.TreeSet<>(ALLOWED_PROCEDURES)));
        }
    }

    /**
     * The procedure name that starts at {@code start} of {@code query}, as written: dotted parts, each plain or
     * backticked (a doubled backtick inside one is a backtick), so that a refusal quotes {@code `db.labels`} rather
     * than the placeholder that {@link #blankLiterals} put in its place.
     */
    static String writtenName(String query, int start) {
        int n = query.length();
        int i = start;
        while (i < n) {
            if (query.charAt(i) == '`') {
                i++;
                while (i < n && (query.charAt(i) != '`' || i + 1 < n && query.charAt(i + 1) == '`')) {
                    i += query.charAt(i) == '`' ? 2 : 1;
                }
                i = Math.min(n, i + 1);
            } else {
                while (i < n && (Character.isLetterOrDigit(query.charAt(i)) || query.charAt(i) == '_'
                        || query.charAt(i) == '$')) {
                    i++;
                }
            }
            if (i >= n || query.charAt(i) != '.') {
                break;
            }
            i++;
        }
        return query.substring(start, Math.min(i, n));
    }

    private static int previousNonSpace(String code, int index) {
        int i = index - 1;
        while (i > 0 && Character.isWhitespace(code.charAt(i))) {
            i--;
        }
        return i;
    }

    /** {@code {set: 1}}: a word directly followed by a colon and a value is a map key. */
    private static boolean isMapKey(String code, int end) {
        int i = end;
        while (i < code.length() && Character.isWhitespace(code.charAt(i))) {
            i++;
        }
        if (i >= code.length() || code.charAt(i) != ':') {
            return false;
        }
        int before = previousNonSpace(code, end - wordLength(code, end));
        char opener = before >= 0 ? code.charAt(before) : ' ';
        return opener == '{' || opener == ',';
    }

    private static int wordLength(String code, int end) {
        int start = end;
        while (start > 0 && (Character.isLetterOrDigit(code.charAt(start - 1)) || code.charAt(start - 1) == '_')) {
            start--;
        }
        return end - start;
    }

    /** The query with comments, string literals and backticked names replaced by neutral text of the same length. */
    static String blankLiterals(String query) {
        StringBuilder out = new StringBuilder(query.length());
        int i = 0;
        int n = query.length();
        while (i < n) {
            char c = query.charAt(i);
            if (c == '/' && i + 1 < n && query.charAt(i + 1) == '/') {
                while (i < n && query.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '/' && i + 1 < n && query.charAt(i + 1) == '*') {
                int end = query.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                out.append(" ".repeat(end - i));
                i = end;
            } else if (c == '\'' || c == '"' || c == '`') {
                int start = i++;
                while (i < n && query.charAt(i) != c) {
                    i += query.charAt(i) == '\\' && c != '`' ? 2 : 1;
                }
                i = Math.min(n, i + 1);
                // A backticked name becomes a placeholder word (so CALL `x`.y() names an unknown procedure).
                out.append(c == '`' ? "_q" : "''").append(" ".repeat(Math.max(0, i - start - 2)));
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}

package com.journeyexplorer.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The app's own check of a query for the read-only Cypher endpoint, before Neo4j's read-mode transaction (the
 * second line of defence) sees it. Comments, string literals and backticked names are blanked first, so words inside
 * them do not count; then a query is refused for a write or schema clause, {@code LOAD CSV} (file and network access),
 * {@code CALL { } IN TRANSACTIONS}, {@code USE} of another database, a procedure outside a short read-only allow-list
 * (its name read as Neo4j reads it: {@code `db`.`labels`} and {@code db . labels} are {@code db.labels}, while
 * {@code `db.labels`}, one name without a namespace, is none of the allowed ones), or more than one statement.
 * Conservative: a variable named like a write keyword ({@code MATCH (set)}) is refused too, unless it is named after
 * {@code AS} or is a parameter; backtick it. {@code SHOW} commands are refused ({@code SHOW TRANSACTIONS} would list
 * other sessions' queries); other administration commands that name no write keyword ({@code START DATABASE}) are left
 * to Neo4j, which runs them only on the system database.
 */
final class CypherGuard {

    /** Read-only procedures that Cypher users commonly want, as Neo4j spells them (in the refusal's list). */
    private static final List<String> ALLOWED_PROCEDURE_NAMES = List.of("db.labels", "db.propertyKeys",
            "db.relationshipTypes", "db.schema.nodeTypeProperties", "db.schema.relTypeProperties",
            "db.schema.visualization");
    /** The same in lower case: the guard compares names case-insensitively, leaving a misspelt case to Neo4j. */
    static final Set<String> ALLOWED_PROCEDURES = Set.copyOf(ALLOWED_PROCEDURE_NAMES.stream()
            .map(name -> name.toLowerCase(Locale.ROOT)).toList());
    private static final Set<String> REFUSED_WORDS = Set.of("CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE",
            "DROP", "ALTER", "RENAME", "GRANT", "DENY", "REVOKE", "TERMINATE", "FOREACH", "LOAD", "USE", "EXPLAIN",
            "PROFILE");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
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

    /**
     * Lets {@code CALL} through when a subquery or an allowed procedure follows at {@code from} of {@code code};
     * {@code query} and {@code lead}: the text as written, and where {@code code} starts in it.
     */
    private static void checkCall(String code, int from, String query, int lead) {
        int start = skipSpace(code, from);
        if (start < code.length() && (code.charAt(start) == '{' || code.charAt(start) == '(')) {
            return; // a subquery, whose clauses are checked like the rest
        }
        List<String> parts = new ArrayList<>();
        int end = readProcedureName(code, start, query, lead, parts);
        if (parts.isEmpty()) {
            throw new CypherRefusedException("CALL must be followed by a subquery or a procedure name");
        }
        String name = String.join(".", parts);
        boolean allowed = ALLOWED_PROCEDURES.contains(name.toLowerCase(Locale.ROOT));
        if (allowed && parts.stream().noneMatch(part -> part.contains("."))) {
            return;
        }
        String refusal = "procedure '" + query.substring(lead + start, lead + end) + "' is not allowed";
        if (allowed) {
            // Neo4j reads `db.labels` as one name without a namespace, which is no procedure's name.
            throw new CypherRefusedException(refusal + ": backticks around a dotted name make it one name, "
                    + "which Neo4j does not take for " + name + "; write " + name
                    + " or put backticks around each part (" + backticked(name) + ")");
        }
        throw new CypherRefusedException(refusal + "; allowed: " + String.join(", ", ALLOWED_PROCEDURE_NAMES));
    }

    /**
     * Reads the procedure name that starts at {@code start} of {@code code} as Neo4j does: names, each plain or
     * backticked (its text taken from {@code query}, a doubled backtick standing for one), joined by dots, with
     * whitespace or comments allowed around each dot. Adds the names to {@code parts} (none when no name starts
     * there, or a backtick is left open) and returns where the procedure name ends in {@code code}.
     */
    private static int readProcedureName(String code, int start, String query, int lead, List<String> parts) {
        int n = code.length();
        // code is stripped at the end, and a backticked name at the very end is blank but for its first two places.
        int written = query.length() - lead;
        int i = start;
        int end = start;
        while (i < n) {
            if (query.charAt(lead + i) == '`') {
                StringBuilder part = new StringBuilder();
                i++;
                while (i < written && (query.charAt(lead + i) != '`'
                        || i + 1 < written && query.charAt(lead + i + 1) == '`')) {
                    part.append(query.charAt(lead + i));
                    i += query.charAt(lead + i) == '`' ? 2 : 1;
                }
                if (i >= written) {
                    parts.clear(); // an unclosed backtick names nothing
                    return written;
                }
                i++;
                parts.add(part.toString());
            } else if (Character.isLetter(code.charAt(i)) || code.charAt(i) == '_') {
                int nameStart = i;
                while (i < n && (Character.isLetterOrDigit(code.charAt(i)) || code.charAt(i) == '_'
                        || code.charAt(i) == '$')) {
                    i++;
                }
                parts.add(code.substring(nameStart, i));
            } else {
                break;
            }
            end = i;
            int dot = skipSpace(code, i);
            if (dot >= n || code.charAt(dot) != '.') {
                break;
            }
            i = skipSpace(code, dot + 1);
        }
        return end;
    }

    /** {@code db.labels} as {@code `db`.`labels`}. */
    private static String backticked(String name) {
        return "`" + name.replace(".", "`.`") + "`";
    }

    /** The first index from {@code from} on that is no whitespace (comments are blank in {@code code}). */
    private static int skipSpace(String code, int from) {
        int i = from;
        while (i < code.length() && Character.isWhitespace(code.charAt(i))) {
            i++;
        }
        return i;
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
                // A backticked name becomes a placeholder word, which is no keyword; a procedure's name is read from
                // the query as written (checkCall).
                out.append(c == '`' ? "_q" : "''").append(" ".repeat(Math.max(0, i - start - 2)));
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}

package org.everyoneserves.platform;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.persistence.TupleElement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one feature holds about a person, implemented by every feature that keeps a person's id in its tables and found
 * by CDI ({@code privacy} asks all of them): it names the tables ({@link #holdings}), exports what they hold about one
 * person and nothing about anyone else ({@link #export}), erases or pseudonymises it ({@link #erase}) so that counts in
 * reports and other people's records stay correct, and applies the retention periods of its kinds of data
 * ({@link #retention}, {@link #applyRetention}). {@code PersonalDataOwnersTest} fails when a table that refers to a
 * person has no owner here.
 */
public interface PersonalData {

    /** The retention kind of people who left: deactivated this long ago, they are erased. */
    String LEAVERS = "people.deactivated";

    /** The first name an erased person is left with; the last name is "#" and their id. */
    String ERASED_NAME = "Erased person";

    /** What stands in an export where a text names someone other than the person it is for. */
    String OTHER_PERSON = "[another person]";

    /** The feature's name: the JSON file of the export ({@code quizzes.json}), the section of the summary. */
    String feature();

    /** Every table of the feature that holds a person's id or data about a person, and what it holds. */
    List<Holding> holdings();

    /** The kinds of data this feature removes after a period, with their default periods; most features have none. */
    default List<Retention> retention() {
        return List.of();
    }

    /** Sections of rows (column to value) about this person only, for the export; empty sections may be left out. */
    Map<String, List<Map<String, Object>>> export(long personId);

    /**
     * Deletes or pseudonymises what the feature holds about the person, in the caller's transaction: rows only they
     * need are deleted, rows that others' records or the counts of reports rest on stay with the person's id (whose
     * name and e-mail {@code people} replaces last), free text they wrote is removed unless {@link Erasure#keepText},
     * and their name or e-mail in other people's text is replaced by {@link Erasure#pseudonym}.
     *
     * @return how many rows were deleted or changed
     */
    int erase(Erasure erasure);

    /**
     * Removes this feature's data of {@code kind} older than {@code cutoff}, in the caller's transaction.
     *
     * @return how many rows were removed
     */
    default int applyRetention(String kind, Instant cutoff) {
        throw new IllegalArgumentException("no retention kind " + kind + " in " + feature());
    }

    /** People whose data is due for erasure because they left before {@code cutoff}: only {@code people} knows. */
    default List<Long> leftBefore(Instant cutoff) {
        return List.of();
    }

    /** Order of erasure: {@code people} goes last (its name and e-mail are what the others scrub from their text). */
    default int erasureOrder() {
        return 0;
    }

    /** A table and what it holds about a person. */
    record Holding(String table, String holds) {
    }

    /** A kind of data kept for a limited time: the key its policy is stored under, and the default period in days. */
    record Retention(String kind, int defaultDays) {
    }

    /**
     * One person's erasure.
     *
     * @param identifiers their full name and e-mail, as other people's text may mention them
     * @param pseudonym   what replaces those mentions
     * @param keepText    the person consented that free text they wrote stays (without their name)
     */
    record Erasure(long personId, List<String> identifiers, String pseudonym, boolean keepText) {

        public static String pseudonymOf(long personId) {
            return ERASED_NAME + " #" + personId;
        }

        /** {@code text} with every mention of the person replaced by the pseudonym (case-insensitive). */
        public String scrub(String text) {
            if (text == null) {
                return null;
            }
            String result = text;
            for (String identifier : identifiers) {
                if (identifier != null && !identifier.isBlank()) {
                    result = result.replaceAll("(?iu)" + java.util.regex.Pattern.quote(identifier), java.util.regex.Matcher.quoteReplacement(pseudonym));
                }
            }
            return result;
        }

        /**
         * Replaces mentions of the person in the text columns of the rows of {@code table} that mention them, by id
         * column {@code id}, in SQL that only touches those rows.
         *
         * @return how many rows changed
         */
        public int scrub(EntityManager em, String table, String id, String... columns) {
            int changed = 0;
            for (String identifier : identifiers) {
                if (identifier == null || identifier.isBlank()) {
                    continue;
                }
                StringBuilder where = new StringBuilder();
                for (String column : columns) {
                    where.append(where.isEmpty() ? "" : " or ").append(column).append(" like ?1");
                }
                @SuppressWarnings("unchecked")
                List<Object[]> rows = em.createNativeQuery("select " + id + ", " + String.join(", ", columns) + " from " + table + " where " + where
                                + " for update").setParameter(1, "%" + identifier.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                        .getResultList();
                for (Object raw : rows) {
                    Object[] row = (Object[]) raw;
                    Query update = em.createNativeQuery("update " + table + " set " + assignments(columns) + " where " + id + " = ?"
                            + (columns.length + 1));
                    for (int i = 0; i < columns.length; i++) {
                        Object value = row[i + 1];
                        update.setParameter(i + 1, value == null ? null : scrub(value.toString()));
                    }
                    update.setParameter(columns.length + 1, row[0]);
                    changed += update.executeUpdate();
                }
            }
            return changed;
        }

        private static String assignments(String... columns) {
            StringBuilder set = new StringBuilder();
            for (int i = 0; i < columns.length; i++) {
                set.append(i == 0 ? "" : ", ").append(columns[i]).append(" = ?").append(i + 1);
            }
            return set.toString();
        }
    }

    /**
     * The rows of a native query as column-to-value maps for the export: times and dates as ISO text, JSON a feature
     * stored as text (quiz answers, reflection answers) as JSON, numbers and other text as they are.
     */
    static List<Map<String, Object>> rows(EntityManager em, String sql, Object... arguments) {
        Query query = em.createNativeQuery(sql, Tuple.class);
        for (int i = 0; i < arguments.length; i++) {
            query.setParameter(i + 1, arguments[i]);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object result : query.getResultList()) {
            Tuple tuple = (Tuple) result;
            Map<String, Object> row = new LinkedHashMap<>();
            for (TupleElement<?> element : tuple.getElements()) {
                Object value = tuple.get(element);
                row.put(element.getAlias(), value instanceof Number || value instanceof Boolean || value == null ? value : text(value));
            }
            rows.add(row);
        }
        return rows;
    }

    private static Object text(Object value) {
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().toString();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (value instanceof java.time.LocalDateTime t) {
            return t.atZone(java.time.ZoneId.systemDefault()).toInstant().toString();
        }
        String text = value.toString();
        String start = text.stripLeading();
        if (start.startsWith("{") || start.startsWith("[")) {
            try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(text))) {
                return reader.read();
            } catch (jakarta.json.JsonException e) {
                return text;
            }
        }
        return text;
    }
}

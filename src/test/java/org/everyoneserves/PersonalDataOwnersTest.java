package org.everyoneserves;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.everyoneserves.platform.PersonalData;
import org.junit.jupiter.api.Test;

/**
 * Every table that refers to a person (a foreign key to {@code person} in the migrations, or an entity column such as
 * {@code person_id}, {@code host_id}, {@code actor_id} or {@code *_by}) has an owner of its export and erasure: a
 * {@link PersonalData} that names it. A new feature that stores people's ids without one fails here.
 */
class PersonalDataOwnersTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern CREATE = Pattern.compile("(?is)create\\s+table\\s+(\\w+)\\s*\\((.*?)\\)\\s*engine");
    private static final Pattern ALTER = Pattern.compile("(?is)alter\\s+table\\s+(\\w+)\\s+([^;]*?)references\\s+person\\s*\\(");
    private static final Pattern PERSON_COLUMN = Pattern.compile("(?i)(person_id|host_id|actor_id|\\w+_by)");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.everyoneserves");

    @Test
    void everyTableReferringToAPersonHasAnOwner() throws Exception {
        Map<String, String> held = held();
        Set<String> needed = new TreeSet<>(tablesReferringToPeople());
        needed.addAll(entityTablesWithPersonColumns());
        Set<String> missing = new TreeSet<>(needed);
        missing.removeAll(held.keySet());
        assertEquals(Set.of(), missing, "tables with a person's id and no PersonalData naming them in holdings()");
        assertTrue(needed.containsAll(Set.of("person", "quiz_attempt", "shadowing_reflection", "notification", "audit_entry", "api_session")),
                "the scan finds the known tables: " + needed);
    }

    @Test
    void everyTableNamedByAnOwnerExists() throws Exception {
        Set<String> tables = new TreeSet<>();
        for (String sql : migrations()) {
            Matcher create = CREATE.matcher(sql);
            while (create.find()) {
                tables.add(create.group(1).toLowerCase());
            }
        }
        Set<String> unknown = new TreeSet<>(held().keySet());
        unknown.removeAll(tables);
        assertEquals(Set.of(), unknown, "holdings() name tables no migration creates");
    }

    /** Table to the feature that owns it, from every PersonalData in the application (made without CDI: holdings() is data). */
    static Map<String, String> held() throws Exception {
        Map<String, String> held = new TreeMap<>();
        for (JavaClass type : CLASSES) {
            if (!type.isInterface() && type.isAssignableTo(PersonalData.class)) {
                Constructor<?> constructor = Class.forName(type.getName()).getDeclaredConstructor();
                constructor.setAccessible(true);
                PersonalData holder = (PersonalData) constructor.newInstance();
                holder.holdings().forEach(h -> held.put(h.table(), holder.feature()));
            }
        }
        return held;
    }

    static Set<String> tablesReferringToPeople() throws IOException {
        Set<String> tables = new TreeSet<>();
        for (String sql : migrations()) {
            Matcher create = CREATE.matcher(sql);
            while (create.find()) {
                if (create.group(2).matches("(?is).*references\\s+person\\s*\\(.*")) {
                    tables.add(create.group(1).toLowerCase());
                }
            }
            Matcher alter = ALTER.matcher(sql);
            while (alter.find()) {
                tables.add(alter.group(1).toLowerCase());
            }
        }
        return tables;
    }

    static Set<String> entityTablesWithPersonColumns() {
        Set<String> tables = new TreeSet<>();
        for (JavaClass type : CLASSES) {
            if (!type.isAnnotatedWith(Entity.class)) {
                continue;
            }
            String table = type.isAnnotatedWith(Table.class) ? type.getAnnotationOfType(Table.class).name() : type.getSimpleName();
            for (JavaField field : type.getAllFields()) {
                String column = field.isAnnotatedWith(Column.class) ? field.getAnnotationOfType(Column.class).name()
                        : field.isAnnotatedWith(JoinColumn.class) ? field.getAnnotationOfType(JoinColumn.class).name() : "";
                boolean personType = field.getRawType().getSimpleName().equals("Person");
                if (personType || (!column.isEmpty() && PERSON_COLUMN.matcher(column).matches())) {
                    tables.add(table.toLowerCase());
                }
            }
        }
        return tables;
    }

    private static java.util.List<String> migrations() throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            return files.filter(f -> f.toString().endsWith(".sql")).sorted().map(f -> {
                try {
                    return Files.readString(f).replaceAll("--[^\\n]*", "");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}

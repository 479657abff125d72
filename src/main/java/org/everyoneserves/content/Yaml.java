package org.everyoneserves.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.everyoneserves.content.files.ContentProblem;
import org.everyoneserves.content.files.Location;
import org.everyoneserves.content.files.Positions;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/** Reads YAML 1.2 as nodes, so every key and value keeps its line and column. */
final class Yaml {

    private Yaml() {
    }

    static Optional<Node> compose(String text, String path, List<ContentProblem> problems) {
        LoadSettings settings = LoadSettings.builder().setLabel(path).setSchema(new CoreSchema()).build();
        try {
            return new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            Location at = e.getProblemMark().or(e::getContextMark).map(m -> at(path, m)).orElse(Location.start(path));
            String problem = e.getProblem() == null ? e.getContext() : e.getProblem();
            problems.add(ContentProblem.error(at, "YAML syntax error: " + problem, syntaxFix(problem)));
        } catch (YamlEngineException e) {
            problems.add(ContentProblem.error(Location.start(path), "YAML error: " + e.getMessage(), "fix the file so that it is valid YAML"));
        }
        return Optional.empty();
    }

    private static String syntaxFix(String problem) {
        if (problem != null && problem.contains("mapping values are not allowed")) {
            return "put the value in quotes when it contains ': ' (title: \"A: B\")";
        }
        if (problem != null && problem.contains("tab")) {
            return "indent with spaces, not tabs";
        }
        return "check the indentation and quoting here and on the line before";
    }

    static Location at(String path, Mark mark) {
        return new Location(path, mark.getLine() + 1, mark.getColumn() + 1);
    }

    static Location at(String path, Node node) {
        return node.getStartMark().map(m -> at(path, m)).orElse(Location.start(path));
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    /**
     * The fields of one YAML mapping: reports unknown keys (suggesting the nearest allowed one), duplicate
     * keys, missing required fields and values of the wrong type, and records where each value was written.
     */
    static final class Fields {
        private final String path;
        private final String what;
        private final Location element;
        private final List<ContentProblem> problems;
        private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
        private final Map<String, Location> positions = new LinkedHashMap<>();
        private final Set<String> misspelt = new HashSet<>();

        private Fields(String path, String what, Location element, List<ContentProblem> problems) {
            this.path = path;
            this.what = what;
            this.element = element;
            this.problems = problems;
        }

        static Fields of(Node node, String path, String what, List<String> allowed, List<ContentProblem> problems) {
            Fields fields = new Fields(path, what, Yaml.at(path, node), problems);
            if (!(node instanceof MappingNode mapping)) {
                if (!isNull(node)) {
                    problems.add(ContentProblem.error(fields.element, what + " must be a mapping of 'key: value' lines",
                            "write it as 'key: value' lines"));
                }
                return fields;
            }
            for (NodeTuple tuple : mapping.getValue()) {
                Location keyAt = Yaml.at(path, tuple.getKeyNode());
                if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                    problems.add(ContentProblem.error(keyAt, "a key must be a plain word", "write the key as a word followed by ':'"));
                    continue;
                }
                String key = keyNode.getValue();
                if (!allowed.contains(key)) {
                    Optional<String> meant = Suggestions.nearest(key, allowed);
                    meant.ifPresent(fields.misspelt::add);
                    problems.add(ContentProblem.error(keyAt, "unknown key '" + key + "'",
                            meant.map(s -> "did you mean '" + s + "'?").orElse("allowed keys: " + String.join(", ", allowed))));
                    continue;
                }
                if (fields.entries.containsKey(key)) {
                    problems.add(ContentProblem.error(keyAt, "duplicate key '" + key + "' in " + what, "keep only one '" + key + "'"));
                    continue;
                }
                fields.entries.put(key, tuple);
                fields.positions.put(key, Yaml.at(path, tuple.getValueNode()));
            }
            return fields;
        }

        Location element() {
            return element;
        }

        Location at(String key) {
            return positions.getOrDefault(key, element);
        }

        Positions positions() {
            return new Positions(element, positions);
        }

        boolean has(String key) {
            return entries.containsKey(key) && !isNull(entries.get(key).getValueNode());
        }

        Optional<Node> node(String key, boolean required) {
            if (!has(key)) {
                if (required) {
                    missing(key);
                }
                return Optional.empty();
            }
            return Optional.of(entries.get(key).getValueNode());
        }

        /** A missing field whose name was misspelt is reported once, as the unknown key. */
        void missing(String key) {
            if (misspelt.contains(key)) {
                return;
            }
            problems.add(ContentProblem.error(element, "missing required field '" + key + "' in " + what, "add '" + key + ":' with a value"));
        }

        String string(String key, boolean required) {
            Optional<Node> node = node(key, required);
            if (node.isEmpty()) {
                return null;
            }
            if (node.get() instanceof ScalarNode scalar) {
                String value = scalar.getValue().strip();
                if (value.isEmpty() && required) {
                    problems.add(ContentProblem.error(at(key), "'" + key + "' is empty", "write a value after '" + key + ":'"));
                    return null;
                }
                return value;
            }
            problems.add(ContentProblem.error(at(key), "'" + key + "' must be text, not a list or mapping", "write one value after '" + key + ":'"));
            return null;
        }

        Integer integer(String key, boolean required, int min, int max) {
            Optional<Node> node = node(key, required);
            if (node.isEmpty()) {
                return null;
            }
            if (node.get() instanceof ScalarNode scalar && scalar.getTag().equals(Tag.INT)) {
                try {
                    int value = Integer.parseInt(scalar.getValue().replace("+", ""));
                    if (value >= min && value <= max) {
                        return value;
                    }
                } catch (NumberFormatException e) {
                    // out of int range: reported below
                }
                String range = max == Integer.MAX_VALUE ? "at least " + min : "between " + min + " and " + max;
                problems.add(ContentProblem.error(at(key), "'" + key + "' must be " + range + ", not " + scalar.getValue(),
                        "use a whole number " + range));
                return null;
            }
            problems.add(ContentProblem.error(at(key), "'" + key + "' must be a whole number, not " + describe(node.get()),
                    "write a number such as '" + key + ": " + Math.max(min, 1) + "'"));
            return null;
        }

        Boolean bool(String key, boolean required) {
            Optional<Node> node = node(key, required);
            if (node.isEmpty()) {
                return null;
            }
            if (node.get() instanceof ScalarNode scalar && scalar.getTag().equals(Tag.BOOL)) {
                return Boolean.parseBoolean(scalar.getValue().toLowerCase());
            }
            problems.add(ContentProblem.error(at(key), "'" + key + "' must be true or false, not " + describe(node.get()),
                    "write '" + key + ": true' or '" + key + ": false'"));
            return null;
        }

        /** A list of text values; a single value is accepted as a list of one. */
        List<String> strings(String key, boolean required) {
            Optional<Node> node = node(key, required);
            List<String> values = new ArrayList<>();
            if (node.isEmpty()) {
                return values;
            }
            if (node.get() instanceof ScalarNode scalar) {
                values.add(scalar.getValue().strip());
                positions.put(key + "[0]", at(key));
                return values;
            }
            if (node.get() instanceof SequenceNode sequence) {
                for (Node item : sequence.getValue()) {
                    if (item instanceof ScalarNode scalar && !isNull(item)) {
                        positions.put(key + "[" + values.size() + "]", Yaml.at(path, item));
                        values.add(scalar.getValue().strip());
                    } else {
                        problems.add(ContentProblem.error(Yaml.at(path, item), "each entry of '" + key + "' must be text",
                                "write each entry as '- text'"));
                    }
                }
                if (values.isEmpty() && required) {
                    problems.add(ContentProblem.error(at(key), "'" + key + "' is empty", "list at least one entry"));
                }
                return values;
            }
            problems.add(ContentProblem.error(at(key), "'" + key + "' must be a list, not a mapping", "write it as [a, b] or as '- a' lines"));
            return values;
        }

        /** A mapping of names to text, e.g. key_points. */
        Map<String, String> texts(String key, boolean required) {
            Optional<Node> node = node(key, required);
            Map<String, String> values = new LinkedHashMap<>();
            if (node.isEmpty()) {
                return values;
            }
            if (!(node.get() instanceof MappingNode mapping)) {
                problems.add(ContentProblem.error(at(key), "'" + key + "' must be a mapping of 'name: text' lines",
                        "write one 'name: text' line per entry, indented under '" + key + ":'"));
                return values;
            }
            for (NodeTuple tuple : mapping.getValue()) {
                Location keyAt = Yaml.at(path, tuple.getKeyNode());
                if (!(tuple.getKeyNode() instanceof ScalarNode name) || !(tuple.getValueNode() instanceof ScalarNode text)
                        || isNull(tuple.getValueNode())) {
                    problems.add(ContentProblem.error(keyAt, "each entry of '" + key + "' must be 'name: text'", "write one line per entry"));
                    continue;
                }
                if (values.containsKey(name.getValue())) {
                    problems.add(ContentProblem.error(keyAt, "duplicate key '" + name.getValue() + "' in " + key, "keep only one"));
                    continue;
                }
                positions.put(key + "." + name.getValue(), keyAt);
                values.put(name.getValue(), text.getValue().strip());
            }
            if (values.isEmpty() && required) {
                problems.add(ContentProblem.error(at(key), "'" + key + "' is empty", "add at least one 'name: text' line"));
            }
            return values;
        }

        /** The entries of a list of mappings (questions, choices, items). */
        List<Node> list(String key, boolean required) {
            Optional<Node> node = node(key, required);
            if (node.isEmpty()) {
                return List.of();
            }
            if (node.get() instanceof SequenceNode sequence) {
                if (sequence.getValue().isEmpty() && required) {
                    problems.add(ContentProblem.error(at(key), "'" + key + "' is empty", "add at least one entry"));
                }
                return sequence.getValue();
            }
            problems.add(ContentProblem.error(at(key), "'" + key + "' must be a list of entries starting with '- '",
                    "write each entry on its own line starting with '- '"));
            return List.of();
        }

        private static String describe(Node node) {
            if (node instanceof ScalarNode scalar) {
                return "'" + scalar.getValue() + "'";
            }
            return node instanceof SequenceNode ? "a list" : "a mapping";
        }
    }
}

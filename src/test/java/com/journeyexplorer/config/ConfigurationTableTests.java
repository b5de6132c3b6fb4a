package com.journeyexplorer.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.ClassPathResource;

/**
 * The README's configuration table against the settings the app binds: every {@code journeys.*} setting of
 * {@link JourneysProperties} has a row and every row a setting, with the default the record and
 * {@code application.yml} give.
 */
class ConfigurationTableTests {

    /** A row of the table: {@code | `name` | default | meaning |}. */
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)`[^|]*\\| ([^|]*) \\|");

    /** The first value in backticks of a default cell, or the whole cell when it has none. */
    private static final Pattern FIRST_CODE = Pattern.compile("`([^`]*)`");

    @Test
    void listsEverySettingOnceWithItsDefault() throws IOException {
        Map<String, String> documented = tableRows();
        Map<String, String> bound = new TreeMap<>();
        settings(JourneysProperties.class, "journeys.", bound);

        assertThat(documented.keySet().stream().filter(name -> name.startsWith("journeys.")).sorted().toList())
                .as("the journeys.* rows of the README's configuration table")
                .containsExactlyElementsOf(bound.keySet());

        Properties yaml = applicationYaml();
        bound.forEach((name, recordDefault) -> {
            String cell = documented.get(name);
            Matcher code = FIRST_CODE.matcher(cell);
            String readmeDefault = code.find() && cell.startsWith("`") ? code.group(1) : null;
            String yamlDefault = yaml.getProperty(name);
            if (recordDefault == null || recordDefault.isEmpty()) {
                assertThat(readmeDefault).as("README default of %s, which has none: %s", name, cell).isNull();
                assertThat(yamlDefault == null || yamlDefault.isEmpty()).as("application.yml's %s", name).isTrue();
            } else {
                assertThat(readmeDefault).as("README default of %s", name).isEqualTo(recordDefault);
                if (yamlDefault != null) {
                    assertThat(yamlDefault).as("application.yml's %s", name).isEqualTo(recordDefault);
                }
            }
        });
        assertThat(documented.keySet().stream().filter(name -> !name.startsWith("journeys.")).toList())
                .as("the other rows: Spring's own settings the app reads")
                .allMatch(name -> name.equals("server.port") || name.startsWith("spring.neo4j."));
    }

    /** The table under "## Configuration", setting name to default cell. */
    private static Map<String, String> tableRows() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        int start = lines.indexOf("## Configuration");
        assertThat(start).as("the README's Configuration section").isNotNegative();
        Map<String, String> rows = new TreeMap<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                String previous = rows.put(row.group(1), row.group(2).trim());
                assertThat(previous).as("a second row for %s", row.group(1)).isNull();
            }
        }
        return rows;
    }

    /** The settings of a properties record, by their kebab-case names, with their defaults (null: none). */
    private static void settings(Class<?> type, String prefix, Map<String, String> into) {
        RecordComponent[] components = type.getRecordComponents();
        Parameter[] parameters = canonicalConstructor(type, components).getParameters();
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            String name = prefix + kebab(component.getName());
            // @DefaultValue is a parameter annotation: the canonical constructor's parameters carry it
            DefaultValue defaultValue = parameters[i].getAnnotation(DefaultValue.class);
            Class<?> componentType = component.getType();
            if (componentType.isRecord() && componentType.getEnclosingClass() == JourneysProperties.class) {
                settings(componentType, name + ".", into);
            } else {
                into.put(name, defaultValue == null ? null : String.join(",", defaultValue.value()));
            }
        }
    }

    private static Constructor<?> canonicalConstructor(Class<?> type, RecordComponent[] components) {
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            return type.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type + " has no canonical constructor", e);
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([A-Z])", "-$1").toLowerCase();
    }

    private static Properties applicationYaml() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties properties = yaml.getObject();
        assertThat(properties).isNotNull();
        return properties;
    }
}

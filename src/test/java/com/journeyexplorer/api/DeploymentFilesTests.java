package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import com.journeyexplorer.ApiTestSupport;

/**
 * {@code docker-compose.yml} and the reverse proxy's configuration agree with each other and with the app: the
 * several-instances profile runs three app instances on the one Neo4j server with one API key, the proxy balances
 * exactly those, and the health check they use is one the app answers. (Where Docker runs, {@code docker compose
 * --profile instances config} checks the file's syntax too; these machines have no Docker engine.)
 */
class DeploymentFilesTests extends ApiTestSupport {

    private static final Path COMPOSE = Path.of("docker-compose.yml");

    @Test
    void theInstancesProfileRunsThreeAppInstancesOnOneServerBehindTheProxy() throws IOException {
        Map<String, Map<String, Object>> services = services();
        List<String> apps = services.entrySet().stream().filter(service -> service.getValue().containsKey("build"))
                .map(Map.Entry::getKey).sorted().toList();
        assertThat(apps).containsExactly("app", "app-2", "app-3");
        assertThat(profiles(services.get("app"))).isEmpty();
        long loadingDemo = 0;
        for (String app : apps) {
            Map<String, Object> environment = map(services.get(app).get("environment"));
            assertThat(environment.get("SPRING_NEO4J_URI")).as(app).isEqualTo("bolt://neo4j:7687");
            assertThat(environment.get("JOURNEYS_SECURITY_API_KEY")).as(app)
                    .isEqualTo(map(services.get("app").get("environment")).get("JOURNEYS_SECURITY_API_KEY"));
            loadingDemo += "true".equals(environment.get("JOURNEYS_DEMO_LOAD_ON_START")) ? 1 : 0;
            if (!app.equals("app")) {
                assertThat(profiles(services.get(app))).as(app).containsExactly("instances");
            }
        }
        assertThat(loadingDemo).as("instances loading the demo data into the shared store").isEqualTo(1);

        Map<String, Object> proxy = services.get("proxy");
        assertThat(profiles(proxy)).containsExactly("instances");
        assertThat(map(proxy.get("depends_on")).keySet()).containsExactlyInAnyOrderElementsOf(apps);
        String mount = ((List<?>) proxy.get("volumes")).get(0).toString();
        Path configuration = Path.of(mount.substring(2, mount.indexOf(':')));
        Matcher upstream = Pattern.compile("(?m)^\\s*server ([\\w-]+):8080\\b").matcher(Files.readString(configuration));
        TreeSet<String> balanced = new TreeSet<>();
        while (upstream.find()) {
            balanced.add(upstream.group(1));
        }
        assertThat(balanced).containsExactlyElementsOf(apps);
    }

    @Test
    void theHealthCheckOfTheInstancesIsAnEndpointTheAppAnswers() throws IOException, InterruptedException {
        Map<String, Object> healthcheck = map(services().get("app").get("healthcheck"));
        Matcher path = Pattern.compile("http://localhost:8080(/\\S+)").matcher(healthcheck.get("test").toString());
        assertThat(path.find()).isTrue();
        // Readiness is down while the journal goes unread for 5 s, which a machine busy with other builds can cause
        // for a moment: ask again for a while, as the compose healthcheck does with its retries.
        Response readiness = get(path.group(1));
        for (long deadline = System.nanoTime() + 30_000_000_000L;
                readiness.status() != 200 && System.nanoTime() < deadline; readiness = get(path.group(1))) {
            Thread.sleep(200);
        }
        assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> profiles(Map<String, Object> service) {
        Object profiles = service.get("profiles");
        return profiles == null ? List.of() : (List<Object>) profiles;
    }
}

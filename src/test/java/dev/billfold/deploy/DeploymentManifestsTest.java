package dev.billfold.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment kit (Dockerfile, deploy/kubernetes) cannot be built or applied on this machine, so it is kept honest
 * here: every environment variable a manifest sets must be one the application reads, and nothing secret is inlined.
 */
class DeploymentManifestsTest {

    private static final Path PROJECT = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    private static final Path MANIFESTS = PROJECT.resolve("deploy/kubernetes");

    /** Spring Boot's own properties that the kit sets and the application does not mention itself; * is one segment. */
    private static final List<String> SPRING_BOOT_PROPERTIES = List.of("spring.profiles.active", "management.server.port",
            "server.port", "spring.mail.host", "spring.mail.port", "spring.mail.username", "spring.mail.password",
            "spring.security.oauth2.client.provider.*.issuer-uri",
            "spring.security.oauth2.client.registration.*.client-id",
            "spring.security.oauth2.client.registration.*.client-secret",
            "spring.security.oauth2.client.registration.*.scope",
            "spring.security.oauth2.client.registration.*.client-name");

    private static final Pattern SECRET_LIKE = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|PRIVATE|_KEY$|CREDENTIAL).*");

    private static Known known;

    @BeforeAll
    static void readTheApplication() {
        known = Known.read(PROJECT);
    }

    @Test
    void everyEnvironmentVariableOfTheManifestsIsReadByTheApplication() {
        List<Map<String, Object>> env = environment();
        assertThat(env).extracting(e -> e.get("name")).contains("BILLFOLD_DB_URL", "SPRING_PROFILES_ACTIVE",
                "MANAGEMENT_SERVER_PORT");
        assertThat(env).allSatisfy(e -> assertThat(known.reads((String) e.get("name")))
                .as("%s is read by the application", e.get("name")).isTrue());
    }

    @Test
    void aMadeUpVariableIsNotRead() {
        assertThat(known.reads("BILLFOLD_NO_SUCH_SETTING")).isFalse();
        assertThat(known.reads("BILLFOLD_WEBHOOKS_NO_SUCH_FIELD")).isFalse();
        assertThat(known.reads("SPRING_MAIL_HOSTNAME")).isFalse();
        // and the real ones of each family are
        assertThat(known.reads("BILLFOLD_WEBHOOKS_ALLOWPRIVATETARGETS")).isTrue();
        assertThat(known.reads("BILLFOLD_GATEWAY_PAYPAL_CLIENT_ID")).isFalse();
        assertThat(known.reads("BILLFOLD_GATEWAY_PAYPAL_CLIENTID")).isTrue();
        assertThat(known.reads("STRIPE_WEBHOOK_SECRET")).isTrue();
        // documented in configuration.md and in the manifest's comments
        assertThat(known.reads("BILLFOLD_OTLP_ENDPOINT")).isTrue();
        assertThat(known.reads("BILLFOLD_TRACE_SAMPLING")).isTrue();
        assertThat(known.reads("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_ANY_CLIENTSECRET")).isTrue();
    }

    @Test
    void secretsAreReferencedNeverInlined() {
        assertThat(environment()).filteredOn(e -> SECRET_LIKE.matcher((String) e.get("name")).matches())
                .isNotEmpty()
                .allSatisfy(e -> {
                    assertThat(e).as("%s has no literal value", e.get("name")).doesNotContainKey("value");
                    assertThat(e.get("valueFrom").toString()).contains("secretKeyRef");
                });
        assertThat(documents()).noneMatch(d -> "Secret".equals(d.get("kind")));
    }

    @Test
    void theDeploymentRunsTwoReplicasProbedOnTheManagementPort() {
        Map<String, Object> deployment = documents().stream().filter(d -> "Deployment".equals(d.get("kind"))).findFirst()
                .orElseThrow();
        Map<String, Object> spec = map(deployment, "spec");
        assertThat((Integer) spec.get("replicas")).isGreaterThanOrEqualTo(2);
        Map<String, Object> pod = map(map(spec, "template"), "spec");
        assertThat((Integer) pod.get("terminationGracePeriodSeconds")).isGreaterThan(30);
        @SuppressWarnings("unchecked")
        Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).getFirst();
        assertThat(map(map(container, "readinessProbe"), "httpGet")).containsEntry("path", "/actuator/health/readiness")
                .containsEntry("port", "management");
        assertThat(map(map(container, "livenessProbe"), "httpGet")).containsEntry("path", "/actuator/health/liveness")
                .containsEntry("port", "management");
        assertThat(documents()).extracting(d -> d.get("kind")).contains("Service", "Ingress", "Cluster");
        Map<String, Object> ingress = documents().stream().filter(d -> "Ingress".equals(d.get("kind"))).findFirst()
                .orElseThrow();
        assertThat(map(map(ingress, "metadata"), "annotations"))
                .containsEntry("nginx.ingress.kubernetes.io/affinity", "cookie");
    }

    @Test
    void theDockerfileBuildsOnAJdkRunsOnAJreAsNobodyAndCarriesNoSecret() throws IOException {
        List<String> lines = Files.readAllLines(PROJECT.resolve("Dockerfile"));
        List<String> from = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
        assertThat(from).hasSizeGreaterThanOrEqualTo(2);
        assertThat(from.getFirst()).contains("-jdk");
        assertThat(from.getLast()).contains("-jre");
        List<String> user = lines.stream().filter(l -> l.startsWith("USER ")).toList();
        assertThat(user).isNotEmpty().noneMatch(l -> l.matches("USER\\s+(root|0)(:.*)?\\s*"));
        String text = String.join("\n", lines).replace("\\\n", " ");
        Matcher env = Pattern.compile("(?m)^(?:ENV|ARG)\\s+(.*)$").matcher(text);
        while (env.find()) {
            for (String assignment : env.group(1).trim().split("\\s+")) {
                assertThat(assignment.split("=")[0]).as("ENV/ARG name").doesNotMatch(SECRET_LIKE);
                assertThat(known.reads(assignment.split("=")[0])).as(assignment).isTrue();
            }
        }
        assertThat(text).contains("HEALTHCHECK").contains("/actuator/health/readiness").contains("-XX:AOTCache=")
                .contains("jarmode=tools");
    }

    // ---- the manifests -------------------------------------------------------------------------------------------

    private static List<Map<String, Object>> documents() {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(MANIFESTS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (Object document : new Yaml().loadAll(Files.readString(file))) {
                    if (document != null) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> map = (Map<String, Object>) document;
                        documents.add(map);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(documents).isNotEmpty();
        return documents;
    }

    /** Every {@code env} entry of every container in every manifest. */
    private static List<Map<String, Object>> environment() {
        List<Map<String, Object>> env = new ArrayList<>();
        documents().forEach(d -> collectEnv(d, env));
        return env;
    }

    @SuppressWarnings("unchecked")
    private static void collectEnv(Object node, List<Map<String, Object>> env) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("env".equals(key) && value instanceof List<?> list) {
                    list.forEach(e -> env.add((Map<String, Object>) e));
                } else {
                    collectEnv(value, env);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(e -> collectEnv(e, env));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return (Map<String, Object>) parent.get(key);
    }

    // ---- what the application reads ------------------------------------------------------------------------------

    /**
     * The application's properties, in relaxed-binding canonical form (lower case, no dashes): property keys of
     * application*.properties, @Value keys, @ConfigurationProperties prefix + field, Spring Boot's allow list; and
     * the variables the property files name themselves as ${NAME}.
     */
    private record Known(Set<String> keys, Set<String> placeholders) {

        static Known read(Path project) {
            Set<String> keys = new HashSet<>();
            Set<String> placeholders = new HashSet<>();
            SPRING_BOOT_PROPERTIES.forEach(k -> keys.add(canonical(k)));
            Pattern placeholder = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)");
            try (Stream<Path> files = Files.list(project.resolve("src/main/resources"))) {
                for (Path file : files.filter(f -> f.getFileName().toString().matches("application.*\\.properties"))
                        .toList()) {
                    for (String line : Files.readAllLines(file)) {
                        if (line.isBlank() || line.startsWith("#") || !line.contains("=")) {
                            continue;
                        }
                        keys.add(canonical(line.substring(0, line.indexOf('=')).trim()));
                        Matcher m = placeholder.matcher(line);
                        while (m.find()) {
                            placeholders.add(m.group(1));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path java = project.resolve("src/main/java");
            Pattern value = Pattern.compile("@Value\\(\"\\$\\{([a-zA-Z0-9_.\\-\\[\\]]+)");
            try (Stream<Path> files = Files.walk(java)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    Matcher m = value.matcher(source);
                    while (m.find()) {
                        keys.add(canonical(m.group(1)));
                    }
                    if (source.contains("@ConfigurationProperties(")) {
                        String name = java.relativize(file).toString().replace('/', '.').replaceAll("\\.java$", "");
                        properties(name, keys);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Known(keys, placeholders);
        }

        /** prefix.field for each property of the class: record components, or instance fields of a bean. */
        private static void properties(String className, Set<String> keys) {
            Class<?> type;
            try {
                type = Class.forName(className);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            if (annotation == null) {
                return;
            }
            String prefix = canonical(annotation.value().isEmpty() ? annotation.prefix() : annotation.value());
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    keys.add(prefix + "." + component.getName().toLowerCase(Locale.ROOT));
                }
            } else {
                for (Field field : type.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers())) {
                        keys.add(prefix + "." + field.getName().toLowerCase(Locale.ROOT));
                    }
                }
            }
        }

        /** Spring's relaxed binding from the environment: BILLFOLD_FOO_BAR is billfold.foo.bar . */
        boolean reads(String variable) {
            if (placeholders.contains(variable)) {
                return true;
            }
            String[] wanted = variable.toLowerCase(Locale.ROOT).split("_");
            return keys.stream().anyMatch(key -> matches(key.split("\\."), wanted));
        }

        /** The variable is the key, segment by segment (a * in the allow list is any one segment). */
        private static boolean matches(String[] key, String[] variable) {
            if (variable.length < key.length) {
                return false;
            }
            for (int i = 0; i < key.length; i++) {
                if (!key[i].equals("*") && !key[i].equals(variable[i])) {
                    return false;
                }
            }
            return variable.length == key.length;
        }

        private static String canonical(String key) {
            return key.toLowerCase(Locale.ROOT).replace("-", "").replaceAll("\\[\\d+]", "");
        }
    }
}

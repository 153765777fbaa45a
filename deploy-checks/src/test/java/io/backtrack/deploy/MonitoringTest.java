package io.backtrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deploy/monitoring agrees with the services and with docs/operations.md: the PrometheusRule has
 * every alert, each with its severity, annotations and a runbook entry that exists; the dashboard
 * covers every area ops watch; and every query, of the dashboard or of a rule, names only metrics
 * the services expose.
 */
class MonitoringTest {

    static final Path MONITORING = ProjectFiles.resolve("deploy/monitoring");
    static final Path DASHBOARD = MONITORING.resolve("grafana/backtrack-dashboard.json");
    static final Path RULES = MONITORING.resolve("prometheus-rule.yaml");
    static final Path RUNBOOK = ProjectFiles.resolve("docs/operations.md");

    static final Path METRICS = MONITORING.resolve("metrics.txt");

    private static final List<String> ALERTS = List.of(
            "BackTrackOutboxOldestAge",
            "BackTrackDeadLetters",
            "BackTrackConsumerLag",
            "BackTrackDbPoolExhausted",
            "BackTrackHigh5xxRate",
            "BackTrackAuditChainBroken",
            "BackTrackBrokerUnreachable");

    /** What a panel must show, by the metric its query reads: one or more panels for each area. */
    private static final Map<String, List<String>> AREAS = Map.ofEntries(
            Map.entry("request rate and 5xx", List.of("http_server_requests_seconds_count")),
            Map.entry("latency percentiles", List.of("http_server_requests_seconds_bucket")),
            Map.entry("outbox", List.of("backtrack_outbox_backlog", "backtrack_outbox_oldest_age_seconds",
                    "backtrack_outbox_published_total")),
            Map.entry("consumer lag", List.of("kafka_consumer_fetch_manager_records_lag_max")),
            Map.entry("consumers", List.of("backtrack_events_consumed_total", "backtrack_events_duplicates_total",
                    "backtrack_events_refused_total", "backtrack_events_dead_lettered_total",
                    "backtrack_events_handler_failures_total")),
            Map.entry("database pool", List.of("sql_pool_active", "sql_pool_idle", "sql_pool_queue_size",
                    "sql_pool_queue_delay_seconds_count")),
            Map.entry("broker", List.of("backtrack_broker_reachable")),
            Map.entry("escalations", List.of("backtrack_escalations_recommended_total")),
            Map.entry("JVM memory", List.of("jvm_memory_used_bytes", "jvm_memory_max_bytes")),
            Map.entry("audit", List.of("backtrack_audit_verification_intact", "backtrack_audit_unsealed_heads_total")));

    private static final String RUNBOOK_URL = "https://github.com/backtrack/backtrack/blob/main/docs/operations.md#";
    private static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");
    private static final String BACKTRACK_JOBS = "job=~\"patient-service|plan-service|outcome-service\"";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    // PromQL, enough to find the metric names in an expression.
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*]");
    private static final Pattern LABEL_LIST =
            Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w:.$])[a-zA-Z_:][a-zA-Z0-9_:]*");
    /** Keywords, modifiers and functions; a function is also recognized by the '(' after it. */
    private static final Set<String> PROMQL_WORDS = Set.of(
            "and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right", "offset", "bool",
            "inf", "nan", "le", "atan2",
            "sum", "min", "max", "avg", "count", "stddev", "stdvar", "topk", "bottomk", "quantile", "count_values",
            "group", "limitk", "limit_ratio",
            "rate", "irate", "increase", "delta", "idelta", "deriv", "predict_linear", "resets", "changes",
            "histogram_quantile", "histogram_fraction", "absent", "absent_over_time", "abs", "ceil", "floor",
            "round", "clamp", "clamp_min", "clamp_max", "exp", "ln", "log2", "log10", "sqrt", "sgn", "scalar",
            "vector", "time", "timestamp", "label_replace", "label_join", "sort", "sort_desc",
            "avg_over_time", "min_over_time", "max_over_time", "sum_over_time", "count_over_time",
            "quantile_over_time", "stddev_over_time", "stdvar_over_time", "last_over_time", "present_over_time",
            "day_of_month", "day_of_week", "day_of_year", "days_in_month", "hour", "minute", "month", "year");
    private static final Pattern LABEL_VALUES =
            Pattern.compile("^\\s*label_values\\((.*),\\s*[a-zA-Z_][a-zA-Z0-9_]*\\s*\\)\\s*$", Pattern.DOTALL);
    private static final Pattern QUERY_RESULT = Pattern.compile("^\\s*query_result\\((.*)\\)\\s*$", Pattern.DOTALL);

    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)(?:\\s+#+)?\\s*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");

    @Test
    void theRuleIsThePrometheusRuleBacktrackAlertsWithEveryAlert() {
        JsonNode rule = YamlFiles.read(RULES);

        assertThat(rule.path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(rule.path("kind").asText()).isEqualTo("PrometheusRule");
        assertThat(rule.at("/metadata/name").asText()).isEqualTo("backtrack-alerts");
        assertThat(alerts().stream().map(alert -> alert.path("alert").asText()))
                .containsExactlyInAnyOrderElementsOf(ALERTS);
    }

    @Test
    void everyAlertHasASeveritySummaryDescriptionAndRunbook() {
        for (JsonNode alert : alerts()) {
            String name = alert.path("alert").asText();
            assertThat(alert.path("expr").asText()).as(name + " expr").isNotBlank();
            assertThat(alert.at("/labels/severity").asText()).as(name + " severity").isIn(SEVERITIES);
            assertThat(alert.at("/annotations/summary").asText()).as(name + " summary").isNotBlank();
            assertThat(alert.at("/annotations/description").asText()).as(name + " description").isNotBlank();
            assertThat(alert.at("/annotations/runbook_url").asText()).as(name + " runbook_url")
                    .startsWith(RUNBOOK_URL).matches(Pattern.quote(RUNBOOK_URL) + "[a-z0-9_-]+");
            if (alert.has("for")) {
                assertThat(alert.get("for").asText()).as(name + " for").matches("\\d+[smh]");
            }
        }
    }

    @Test
    void everyRunbookUrlNamesAHeadingOfTheOperationsDocument() {
        Set<String> anchors = headingAnchors(read(RUNBOOK));

        for (JsonNode alert : alerts()) {
            String url = alert.at("/annotations/runbook_url").asText();
            assertThat(anchors).as(alert.path("alert").asText() + ": " + url + " in docs/operations.md")
                    .contains(url.substring(url.indexOf('#') + 1));
        }
    }

    @Test
    void theOperationsDocumentNamesEveryAlertAndHowToReplayADeadLetter() {
        String document = read(RUNBOOK);

        assertThat(document).contains(ALERTS.toArray(String[]::new));
        assertThat(headingAnchors(document)).contains("replaying-a-dead-lettered-record-after-a-fix");
        assertThat(document).contains("dead-letter-reason", "dead-letter-partition", "<topic>.dlq",
                "kafka-console-producer.sh", "parse.headers=true", "parse.key=true");
    }

    @Test
    void headingAnchorsFollowGitHubsRules() {
        String markdown = """
                # Operating BackTrack: alerts and runbook
                ## High 5xx rate
                ```bash
                # a comment, not a heading
                ```
                ### Replaying a dead-lettered record after a fix
                ## High 5xx rate
                ## `BackTrackDbPoolExhausted` (critical) ##
                """;

        assertThat(headingAnchors(markdown)).containsExactly("operating-backtrack-alerts-and-runbook",
                "high-5xx-rate", "replaying-a-dead-lettered-record-after-a-fix", "high-5xx-rate-1",
                "backtrackdbpoolexhausted-critical");
    }

    @Test
    void theDashboardIsGrafanaJsonWithADatasourceAndAServiceVariable() {
        JsonNode dashboard = dashboard();

        assertThat(dashboard.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(36);
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        assertThat(dashboard.path("title").asText()).isNotBlank();
        JsonNode datasource = variable(dashboard, "datasource");
        assertThat(datasource.path("type").asText()).isEqualTo("datasource");
        assertThat(datasource.path("query").asText()).isEqualTo("prometheus");
        JsonNode service = variable(dashboard, "service");
        assertThat(service.path("type").asText()).isEqualTo("query");
        assertThat(variableQuery(service)).matches("label_values\\(.+,\\s*job\\)");

        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : panels(dashboard)) {
            String title = panel.path("title").asText();
            assertThat(ids.add(panel.path("id").asInt())).as(title + ": a unique id").isTrue();
            assertThat(panel.path("gridPos").path("w").asInt()).as(title + " width").isPositive();
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            assertThat(panel.at("/datasource/uid").asText()).as(title + " datasource").isEqualTo("${datasource}");
            assertThat(panel.path("targets")).as(title + " targets").isNotEmpty();
            Set<String> refIds = new HashSet<>();
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.at("/datasource/uid").asText()).as(title + " target datasource")
                        .isEqualTo("${datasource}");
                assertThat(refIds.add(target.path("refId").asText())).as(title + ": unique refIds").isTrue();
                assertThat(target.path("expr").asText()).as(title + " expr").isNotBlank();
            }
        }
    }

    @Test
    void everyDashboardQueryIsFilteredByNamespaceAndService() {
        for (String expr : dashboardExpressions()) {
            assertThat(expr).contains("namespace=~\"$namespace\"", "job=~\"$service\"");
        }
    }

    @Test
    void theDashboardCoversEveryAreaOpsWatch() {
        List<String> expressions = dashboardExpressions();
        Set<String> shown = new HashSet<>();
        expressions.forEach(expr -> shown.addAll(metricNames(expr)));

        AREAS.forEach((area, metrics) -> assertThat(shown).as(area).containsAll(metrics));
        assertThat(expressions).as("a 5xx error ratio")
                .anyMatch(expr -> expr.contains("http_server_requests_seconds_count")
                        && expr.contains("status=~\"5.."));
        assertThat(expressions).as("p50").anyMatch(expr -> expr.startsWith("histogram_quantile(0.5,"));
        assertThat(expressions).as("p99").anyMatch(expr -> expr.startsWith("histogram_quantile(0.99,"));
    }

    /** deploy/monitoring/metrics.txt lists what they read; system-tests checks the services serve it. */
    @Test
    void theDashboardAndTheRulesReadExactlyTheListedMetrics() {
        Set<String> used = metricNamesUsed();

        assertThat(used).hasSizeGreaterThan(20);
        assertThat(used).containsExactlyInAnyOrderElementsOf(listedMetrics());
    }

    @Test
    void alertsOnMetricsOtherProcessesAlsoExposeSelectBackTracksJobs() {
        for (JsonNode alert : alerts()) {
            String expr = alert.path("expr").asText();
            boolean generic = metricNames(expr).stream().anyMatch(name -> !name.startsWith("backtrack_"));
            if (generic) {
                assertThat(expr).as(alert.path("alert").asText()).contains(BACKTRACK_JOBS);
            }
        }
    }

    @Test
    void readsMetricNamesFromPromQl() {
        assertThat(metricNames("histogram_quantile(0.99, sum by (job, le) (rate("
                + "http_server_requests_seconds_bucket{job=~\"$service\", status=~\"5..\"}[$__rate_interval])))"))
                .containsExactly("http_server_requests_seconds_bucket");
        assertThat(metricNames("sum by (namespace, job) ((increase(a_total[10m]) > 0)"
                + " or (a_total unless a_total offset 10m)) > 0"))
                .containsExactly("a_total");
        assertThat(metricNames("sum without (pod) (jvm_memory_used_bytes) / on (job) group_left (area)"
                + " max(jvm_memory_max_bytes > 0) * 1e3"))
                .containsExactlyInAnyOrder("jvm_memory_used_bytes", "jvm_memory_max_bytes");
        assertThat(metricNames("up == bool 1 and time() - process_start_time_seconds < 60 or vector(0)"))
                .containsExactlyInAnyOrder("up", "process_start_time_seconds");
        assertThat(metricNames("min by (job) (job:backtrack_broker_reachable:min) == 0"))
                .containsExactly("job:backtrack_broker_reachable:min");
        assertThat(variableMetricNames("label_values(backtrack_outbox_backlog{namespace=~\"$namespace\"}, job)"))
                .containsExactly("backtrack_outbox_backlog");
        assertThat(variableMetricNames("label_values(namespace)")).isEmpty();
    }

    @Test
    void theKustomizationListsTheRuleAndGeneratesTheDashboardConfigMap() {
        JsonNode kustomization = YamlFiles.read(MONITORING.resolve("kustomization.yaml"));

        List<String> resources = new ArrayList<>();
        kustomization.path("resources").forEach(resource -> resources.add(resource.asText()));
        assertThat(resources).contains("prometheus-rule.yaml");
        JsonNode generator = null;
        for (JsonNode candidate : kustomization.path("configMapGenerator")) {
            for (JsonNode file : candidate.path("files")) {
                if (file.asText().endsWith("grafana/backtrack-dashboard.json")) {
                    generator = candidate;
                }
            }
        }
        assertThat(generator).as("a configMapGenerator with the dashboard").isNotNull();
        JsonNode label = generator.at("/options/labels/grafana_dashboard");
        assertThat(label.isTextual()).as("grafana_dashboard is the string \"1\"").isTrue();
        assertThat(label.asText()).isEqualTo("1");
    }

    @Test
    void kubectlKustomizeBuildsTheRuleAndTheDashboardConfigMap() throws JsonProcessingException {
        assumeTrue(KubectlKustomize.available(), "kubectl is not installed: nothing to build with");

        List<ObjectNode> built = KubectlKustomize.build(MONITORING);

        assertThat(built.stream().map(object -> object.path("kind").asText()))
                .containsExactlyInAnyOrder("PrometheusRule", "ConfigMap");
        ObjectNode configMap = ofKind(built, "ConfigMap");
        assertThat(StrictModels.problems(configMap)).isEmpty();
        assertThat(configMap.at("/metadata/labels/grafana_dashboard").asText()).isEqualTo("1");
        assertThat(JSON.readTree(configMap.at("/data/backtrack-dashboard.json").asText())).isEqualTo(dashboard());
        assertThat(ofKind(built, "PrometheusRule").path("spec")).isEqualTo(YamlFiles.read(RULES).path("spec"));
    }

    /**
     * Every metric name the dashboard (its panels' queries and its variables' queries) and the
     * PrometheusRule reference, read from their PromQL: for a live scrape to compare with.
     */
    static Set<String> metricNamesUsed() {
        Set<String> names = new TreeSet<>();
        dashboardExpressions().forEach(expr -> names.addAll(metricNames(expr)));
        for (JsonNode variable : dashboard().at("/templating/list")) {
            if (variable.path("type").asText().equals("query")) {
                names.addAll(variableMetricNames(variableQuery(variable)));
            }
        }
        for (JsonNode group : YamlFiles.read(RULES).at("/spec/groups")) {
            for (JsonNode rule : group.path("rules")) {
                names.addAll(metricNames(rule.path("expr").asText()));
            }
        }
        return names;
    }

    /**
     * The metric names in a PromQL expression: the identifiers that select series (followed by a
     * label matcher, a range, or standing alone as a vector selector), not functions, aggregations,
     * keywords, label names, strings, durations or Grafana variables.
     */
    static Set<String> metricNames(String promql) {
        String expr = STRING.matcher(promql).replaceAll("\"\"");
        expr = MATCHERS.matcher(expr).replaceAll("{}");
        expr = RANGE.matcher(expr).replaceAll("[]");
        expr = LABEL_LIST.matcher(expr).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(expr);
        while (identifier.find()) {
            String name = identifier.group();
            if (PROMQL_WORDS.contains(name.toLowerCase(Locale.ROOT)) || isCall(expr, identifier.end())) {
                continue;
            }
            names.add(name);
        }
        return names;
    }

    /** The metric names of a Grafana variable's Prometheus query: label_values(selector, label), query_result(expr). */
    static Set<String> variableMetricNames(String query) {
        Matcher labelValues = LABEL_VALUES.matcher(query);
        if (labelValues.matches()) {
            return metricNames(labelValues.group(1));
        }
        Matcher queryResult = QUERY_RESULT.matcher(query);
        if (queryResult.matches()) {
            return metricNames(queryResult.group(1));
        }
        return Set.of();
    }

    private static boolean isCall(String expr, int end) {
        int next = end;
        while (next < expr.length() && Character.isWhitespace(expr.charAt(next))) {
            next++;
        }
        return next < expr.length() && expr.charAt(next) == '(';
    }

    /** The anchors GitHub gives the headings of a Markdown document, in order. */
    static Set<String> headingAnchors(String markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean inFence = false;
        for (String line : markdown.split("\n", -1)) {
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (inFence || !heading.matches()) {
                continue;
            }
            String anchor = heading.group(1).strip().toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "")
                    .replace(' ', '-');
            int count = seen.merge(anchor, 1, Integer::sum);
            anchors.add(count == 1 ? anchor : anchor + "-" + (count - 1));
        }
        return anchors;
    }

    private static List<JsonNode> alerts() {
        List<JsonNode> alerts = new ArrayList<>();
        for (JsonNode group : YamlFiles.read(RULES).at("/spec/groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (rule.has("alert")) {
                    alerts.add(rule);
                }
            }
        }
        return alerts;
    }

    /** The metric names of deploy/monitoring/metrics.txt, without comments and markers. */
    static Set<String> listedMetrics() {
        Set<String> names = new TreeSet<>();
        for (String line : read(METRICS).split("\n")) {
            String entry = line.strip();
            if (!entry.isEmpty() && !entry.startsWith("#")) {
                names.add(entry.split("\\s+")[0]);
            }
        }
        return names;
    }

    private static JsonNode dashboard() {
        try {
            return JSON.readTree(Files.readString(DASHBOARD));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every panel, rows included, and the panels inside collapsed rows. */
    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }

    private static List<String> dashboardExpressions() {
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : panels(dashboard())) {
            for (JsonNode target : panel.path("targets")) {
                if (target.hasNonNull("expr")) {
                    expressions.add(target.get("expr").asText());
                }
            }
        }
        return expressions;
    }

    private static JsonNode variable(JsonNode dashboard, String name) {
        for (JsonNode variable : dashboard.at("/templating/list")) {
            if (variable.path("name").asText().equals(name)) {
                return variable;
            }
        }
        throw new AssertionError("No dashboard variable " + name);
    }

    private static String variableQuery(JsonNode variable) {
        JsonNode query = variable.path("query");
        return query.isObject() ? query.path("query").asText() : query.asText();
    }

    private static ObjectNode ofKind(List<ObjectNode> objects, String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("No " + kind));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.backtrack.system;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hostile requests derived from a service's OpenAPI document: every {@code /api/} operation (but the
 * admin clock, which other tests rely on) with odd path and query values, bodies that start valid and
 * are then broken (nulls, wrong types, huge numbers and strings, impossible dates, missing required
 * fields, deep nesting, malformed JSON, duplicate keys), and mixed credentials. The requests come from
 * the seed alone and are generated before any is sent, so the same seed sends the same requests.
 * {@link #run} counts the answers a client must never see: 5xx (or none at all), errors that are not
 * problem details, and bodies that leak internals.
 */
final class HostileInput {

    /** Counted outcome of a run. */
    record Result(int requests, int serverErrors, int errorsNotProblemJson, int leakingBodies, List<String> examples) {
    }

    private record Parameter(String name, JsonNode schema) {
    }

    /** {@code body} is the JSON request body's schema, or null when the operation takes none. */
    private record Operation(String method, String path, List<Parameter> query, JsonNode body) {
    }

    /** {@code target} is the encoded path and query; {@code body} is null for none. */
    private record Probe(String method, String target, Map<String, String> headers, String body) {
    }

    /** A response, or the {@code failure} (status -1) of a request that got none. */
    private record Answer(int status, String contentType, String body, String failure) {
    }

    /** A place in a generated body that a mutation may replace: a field of an object or an element of an array. */
    private record Slot(ContainerNode<?> parent, String field, int index, JsonNode schema, boolean required) {

        JsonNode value() {
            return field != null ? parent.get(field) : parent.get(index);
        }

        boolean present() {
            return field != null ? parent.has(field) : index < parent.size();
        }

        void set(JsonNode value) {
            if (parent instanceof ObjectNode object) {
                object.set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        boolean isDate() {
            return schema.path("format").asText().startsWith("date");
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final int THREADS = 8;
    private static final int EXAMPLES = 20;

    /** Path segments as sent on the wire: {@code %00} and {@code ..%2F..} are meant literally. */
    private static final List<String> HOSTILE_PATH_VALUES = List.of("not-a-uuid", "%00", "..%2F..", "a".repeat(300),
            "-1", "0", encode("' OR 1=1 --"), encode("\u202e\u0000"));
    private static final List<String> HOSTILE_QUERY_VALUES = List.of("FOO", "1", "-1", "2147483647",
            "99999999999999999999", "1.5", "abc", "", "%00", "x".repeat(5000), "true", "null");
    private static final List<String> BAD_DATES = List.of("-5000-01-01", "+10000-01-01", "0001-01-01", "2026-02-30",
            "not-a-date");
    private static final List<String> MALFORMED_BODIES = List.of("{", "[]", "\"x\"", "{\"a\":", "");
    private static final List<String> IF_MATCH = List.of("\"0\"", "\"abc\"", "*");
    private static final List<String> LEAK_MARKERS = List.of("exception", "org.hibernate", "org.postgresql", "io.vertx",
            "java.lang", "sqlstate", "select ", "insert into", "update ", "stack", "\tat ", "hibernate", "jdbc");

    private final JsonNode document;
    private final List<String> tokens;
    private final Map<String, String> knownIds;
    private final Random random;

    private HostileInput(JsonNode document, List<String> tokens, Map<String, String> knownIds, long seed) {
        this.document = document;
        this.tokens = tokens;
        this.knownIds = knownIds;
        this.random = new Random(seed);
    }

    /**
     * Sends {@code requests} hostile requests to the service and counts the answers.
     *
     * @param baseUrl  e.g. "http://127.0.0.1:34567" (no trailing slash), where the API is served
     * @param managementUrl where the service serves {@code /q/openapi}
     * @param tokens   bearer tokens to mix in (clinician, patient, admin); some requests also go with no
     *                 token and with a garbage one
     * @param knownIds real values by parameter name (e.g. "patientId" -> a real UUID, "code" -> "SC-01"),
     *                 used for part of the path parameters so that requests get past the 404 and reach
     *                 validation; also for query parameters and string body properties of the same name
     * @param requests how many requests to send against this service
     * @param seed     the java.util.Random seed; the same seed gives the same requests
     */
    static Result run(String baseUrl, String managementUrl, List<String> tokens, Map<String, String> knownIds,
            int requests, long seed) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HostileInput generator = new HostileInput(openApi(client, managementUrl), tokens, knownIds, seed);
        List<Probe> probes = generator.probes(requests);
        return tally(probes, sendAll(client, baseUrl, probes));
    }

    private static JsonNode openApi(HttpClient client, String managementUrl) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(managementUrl + "/q/openapi?format=json"))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /q/openapi answered " + response.statusCode());
            }
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading the OpenAPI document", e);
        }
    }

    // ---- operations from the document

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            String template = path.getKey();
            if (!template.startsWith("/api/") || template.startsWith("/api/v1/admin/clock")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (HTTP_METHODS.contains(method.getKey())) {
                    operations.add(operation(template, method.getKey(), path.getValue(), method.getValue()));
                }
            }
        }
        if (operations.isEmpty()) {
            throw new IllegalStateException("the OpenAPI document has no /api/ operation");
        }
        return operations;
    }

    private Operation operation(String template, String method, JsonNode pathItem, JsonNode operation) {
        // Declared on the operation, a parameter overrides the path item's of the same name.
        Map<String, Parameter> query = new LinkedHashMap<>();
        for (JsonNode declarations : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
            for (JsonNode declared : declarations) {
                JsonNode parameter = resolve(declared);
                if ("query".equals(parameter.path("in").asText())) {
                    String name = parameter.path("name").asText();
                    query.put(name, new Parameter(name, parameter.path("schema")));
                }
            }
        }
        JsonNode json = resolve(operation.path("requestBody")).path("content").path("application/json");
        return new Operation(method.toUpperCase(Locale.ROOT), template, List.copyOf(query.values()),
                json.isMissingNode() ? null : json.path("schema"));
    }

    /** Follows {@code $ref}s within the document; a cycle of them ends at the last one seen. */
    private JsonNode resolve(JsonNode schema) {
        Set<String> seen = new HashSet<>();
        while (schema.has("$ref") && seen.add(schema.get("$ref").asText())) {
            schema = pointer(schema.get("$ref").asText());
        }
        return schema;
    }

    private JsonNode pointer(String ref) {
        return ref.startsWith("#/") ? document.at(ref.substring(1)) : MissingNode.getInstance();
    }

    // ---- requests

    private List<Probe> probes(int count) {
        List<Operation> operations = operations();
        List<Probe> probes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            probes.add(probe(pick(operations)));
        }
        return probes;
    }

    private Probe probe(Operation operation) {
        String target = path(operation.path()) + query(operation.query());
        String body = operation.body() == null ? null : body(operation.body());
        return new Probe(operation.method(), target, headers(body != null), body);
    }

    private String path(String template) {
        Matcher parameter = PATH_PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            parameter.appendReplacement(path, Matcher.quoteReplacement(pathValue(parameter.group(1))));
        }
        return parameter.appendTail(path).toString();
    }

    private String pathValue(String name) {
        String known = knownIds.get(name);
        if (known != null && random.nextBoolean()) {
            return encode(known);
        }
        int choice = random.nextInt(HOSTILE_PATH_VALUES.size() + 1);
        return choice < HOSTILE_PATH_VALUES.size() ? HOSTILE_PATH_VALUES.get(choice) : uuid();
    }

    private String query(List<Parameter> parameters) {
        List<String> pairs = new ArrayList<>();
        for (Parameter parameter : parameters) {
            int choice = random.nextInt(10);
            if (choice >= 4) {
                String value = choice < 7 ? encode(scalar(instance(parameter.schema(), parameter.name())))
                        : pick(HOSTILE_QUERY_VALUES);
                pairs.add(encode(parameter.name()) + "=" + value);
            }
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private static String scalar(JsonNode value) {
        return value.isArray() && !value.isEmpty() ? value.get(0).asText() : value.asText();
    }

    private Map<String, String> headers(boolean hasBody) {
        Map<String, String> headers = new LinkedHashMap<>();
        int contentType = random.nextInt(10);
        if (hasBody && contentType < 8) {
            headers.put("Content-Type", "application/json");
        } else if (hasBody && contentType == 8) {
            headers.put("Content-Type", "text/plain");
        }
        int authorization = random.nextInt(10);
        if (authorization < 8 && !tokens.isEmpty()) {
            headers.put("Authorization", "Bearer " + pick(tokens));
        } else if (authorization == 9) {
            headers.put("Authorization", "Bearer garbage");
        }
        if (random.nextInt(5) == 0) {
            headers.put("If-Match", pick(IF_MATCH));
        }
        if (random.nextInt(5) == 0) {
            headers.put("Idempotency-Key", random.nextBoolean() ? uuid() : "k".repeat(300));
        }
        return headers;
    }

    // ---- bodies

    private String body(JsonNode schema) {
        int shape = random.nextInt(10);
        if (shape == 0) {
            return malformed();
        }
        // The root value sits in a holder so that it is a slot like any other, replaceable by a mutation.
        ArrayNode holder = NODES.arrayNode();
        List<Slot> slots = new ArrayList<>();
        holder.add(generate(schema, null, new HashSet<>(), slots));
        slots.add(new Slot(holder, null, 0, resolve(schema), false));
        for (int mutations = random.nextInt(4); mutations > 0; mutations--) {
            mutate(holder, slots);
        }
        String json = write(holder.get(0));
        return shape == 1 ? duplicateKey(holder.get(0), json) : json;
    }

    private String malformed() {
        int choice = random.nextInt(MALFORMED_BODIES.size() + 1);
        if (choice < MALFORMED_BODIES.size()) {
            return MALFORMED_BODIES.get(choice);
        }
        byte[] bytes = new byte[1 + random.nextInt(64)];
        random.nextBytes(bytes);
        return new String(bytes, UTF_8);
    }

    /** The JSON text with the root's first field repeated at the end, another value (Jackson keeps the last one). */
    private static String duplicateKey(JsonNode root, String json) {
        if (!root.isObject() || root.isEmpty()) {
            return json;
        }
        String field = root.properties().iterator().next().getKey();
        return json.substring(0, json.length() - 1) + "," + TextNode.valueOf(field) + ":\"duplicate\"}";
    }

    /** An instance no mutation will touch. */
    private JsonNode instance(JsonNode schema, String name) {
        return generate(schema, name, new HashSet<>(), new ArrayList<>());
    }

    /**
     * A valid-looking instance of the schema; each value placed in an object or array is recorded in
     * {@code slots}. {@code visiting} holds the {@code $ref}s being expanded, to stop at a cycle.
     */
    private JsonNode generate(JsonNode schema, String name, Set<String> visiting, List<Slot> slots) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            if (!visiting.add(ref)) {
                return NullNode.instance;
            }
            JsonNode value = generate(pointer(ref), name, visiting, slots);
            visiting.remove(ref);
            return value;
        }
        if (schema.has("enum")) {
            return pick(elements(schema.get("enum"))).deepCopy();
        }
        for (String alternatives : List.of("oneOf", "anyOf")) {
            if (schema.has(alternatives)) {
                return generate(pick(elements(schema.get(alternatives))), name, visiting, slots);
            }
        }
        String type = typeOf(schema);
        if ("string".equals(type) && name != null && knownIds.containsKey(name)) {
            return TextNode.valueOf(knownIds.get(name));
        }
        return switch (type) {
            case "object" -> object(schema, visiting, slots);
            case "array" -> array(schema, visiting, slots);
            case "integer", "number" -> LongNode.valueOf(integer(schema));
            case "boolean" -> BooleanNode.valueOf(random.nextBoolean());
            default -> TextNode.valueOf(string(schema));
        };
    }

    /** The schema's type; OpenAPI 3.1 may give a list such as {@code ["string", "null"]}. */
    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        for (JsonNode option : type.isArray() ? type : List.of(type)) {
            if (option.isTextual() && !"null".equals(option.asText())) {
                return option.asText();
            }
        }
        if (schema.has("properties")) {
            return "object";
        }
        return schema.has("items") ? "array" : "string";
    }

    private ObjectNode object(JsonNode schema, Set<String> visiting, List<Slot> slots) {
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(field -> required.add(field.asText()));
        ObjectNode object = NODES.objectNode();
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            boolean isRequired = required.contains(property.getKey());
            if (isRequired || random.nextBoolean()) {
                object.set(property.getKey(), generate(property.getValue(), property.getKey(), visiting, slots));
                slots.add(new Slot(object, property.getKey(), -1, resolve(property.getValue()), isRequired));
            }
        }
        return object;
    }

    private ArrayNode array(JsonNode schema, Set<String> visiting, List<Slot> slots) {
        int count = Math.max(schema.path("minItems").asInt(0), 1 + random.nextInt(2));
        count = Math.min(count, schema.path("maxItems").asInt(count));
        JsonNode items = schema.path("items");
        ArrayNode array = NODES.arrayNode();
        for (int i = 0; i < count; i++) {
            array.add(generate(items, null, visiting, slots));
            slots.add(new Slot(array, null, i, resolve(items), false));
        }
        return array;
    }

    private long integer(JsonNode schema) {
        long min = bound(schema, "minimum", "exclusiveMinimum", 1, 0);
        long max = bound(schema, "maximum", "exclusiveMaximum", -1, min + 10);
        if (max <= min) {
            return min;
        }
        long span = max - min;
        return min + random.nextInt((int) (span < 0 || span > 1000 ? 1000 : span) + 1);
    }

    /** The inclusive bound, or the exclusive one (numeric in OpenAPI 3.1) moved inside by {@code step}. */
    private static long bound(JsonNode schema, String inclusive, String exclusive, int step, long otherwise) {
        if (schema.path(inclusive).isNumber()) {
            return schema.get(inclusive).asLong();
        }
        return schema.path(exclusive).isNumber() ? schema.get(exclusive).asLong() + step : otherwise;
    }

    private String string(JsonNode schema) {
        return switch (schema.path("format").asText()) {
            case "date" -> "2026-01-15";
            case "date-time" -> "2026-01-15T10:00:00Z";
            case "uuid" -> uuid();
            default -> sample(schema);
        };
    }

    private static String sample(JsonNode schema) {
        String text = "Sample";
        text = text.substring(0, Math.min(text.length(), schema.path("maxLength").asInt(text.length())));
        return text + "x".repeat(Math.max(0, schema.path("minLength").asInt(0) - text.length()));
    }

    // ---- mutations

    private void mutate(ArrayNode holder, List<Slot> slots) {
        List<Slot> live = live(holder, slots);
        switch (random.nextInt(12)) {
            case 0 -> pick(live).set(NullNode.instance);
            case 1 -> {
                Slot slot = pick(live);
                slot.set(wrongType(slot.value()));
            }
            case 2 -> pick(live, slot -> slot.value().isIntegralNumber()).set(DoubleNode.valueOf(1.5));
            case 3 -> pick(live).set(random.nextBoolean() ? DoubleNode.valueOf(1e308)
                    : BigIntegerNode.valueOf(new BigInteger("99999999999999999999")));
            case 4 -> pick(live, slot -> slot.value().isNumber())
                    .set(IntNode.valueOf(random.nextBoolean() ? -1 : Integer.MIN_VALUE));
            case 5 -> pick(live, slot -> slot.value().isTextual()).set(TextNode.valueOf("a\u0000b"));
            case 6 -> pick(live, slot -> slot.value().isTextual()).set(TextNode.valueOf("x".repeat(100_000)));
            case 7 -> pick(live, Slot::isDate).set(TextNode.valueOf(pick(BAD_DATES)));
            case 8 -> {
                Slot slot = pick(live, candidate -> candidate.value().isArray());
                slot.set(manyItems(slot.schema()));
            }
            case 9 -> addUnknownProperty(live);
            case 10 -> pick(live).set(deeplyNested());
            default -> removeField(live);
        }
    }

    /** The slots still in the body: a mutation may have replaced or removed a value and all slots inside it. */
    private static List<Slot> live(ArrayNode holder, List<Slot> slots) {
        Set<JsonNode> attached = Collections.newSetFromMap(new IdentityHashMap<>());
        collectContainers(holder, attached);
        return slots.stream().filter(slot -> attached.contains(slot.parent()) && slot.present()).toList();
    }

    private static void collectContainers(JsonNode node, Set<JsonNode> attached) {
        if (node.isContainerNode() && attached.add(node)) {
            node.forEach(child -> collectContainers(child, attached));
        }
    }

    private JsonNode wrongType(JsonNode value) {
        if (value.isValueNode() && random.nextInt(3) == 0) {
            return NODES.arrayNode().add(value);
        }
        if (value.isTextual()) {
            return IntNode.valueOf(42);
        }
        if (value.isNumber()) {
            return TextNode.valueOf("forty-two");
        }
        if (value.isBoolean()) {
            return IntNode.valueOf(random.nextInt(2));
        }
        return value.isArray() ? NODES.objectNode().put("0", "x") : TextNode.valueOf("x");
    }

    /**
     * 2000 fresh valid-looking items; fresh rather than copies of the existing ones, which a mutation may
     * already have made 100 000 characters long.
     */
    private ArrayNode manyItems(JsonNode arraySchema) {
        ArrayNode many = NODES.arrayNode();
        for (int i = 0; i < 2000; i++) {
            many.add(instance(arraySchema.path("items"), null));
        }
        return many;
    }

    private void addUnknownProperty(List<Slot> live) {
        List<ObjectNode> objects = live.stream().map(Slot::value).filter(JsonNode::isObject)
                .map(ObjectNode.class::cast).toList();
        if (!objects.isEmpty()) {
            pick(objects).put("unexpectedProperty", "x");
        }
    }

    private static JsonNode deeplyNested() {
        ArrayNode nested = NODES.arrayNode();
        for (int level = 1; level < 200; level++) {
            nested = NODES.arrayNode().add(nested);
        }
        return nested;
    }

    /** Removes a required field if there is one, otherwise any field. */
    private void removeField(List<Slot> live) {
        List<Slot> fields = live.stream().filter(slot -> slot.field() != null).toList();
        if (!fields.isEmpty()) {
            Slot slot = pick(fields, Slot::required);
            ((ObjectNode) slot.parent()).remove(slot.field());
        }
    }

    // ---- sending and counting

    private static List<Answer> sendAll(HttpClient client, String baseUrl, List<Probe> probes) {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Callable<Answer>> calls = probes.stream()
                    .<Callable<Answer>>map(probe -> () -> send(client, baseUrl, probe)).toList();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> answer : pool.invokeAll(calls)) {
                answers.add(answer.get());
            }
            return answers;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted sending hostile requests", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("sending a hostile request failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Answer send(HttpClient client, String baseUrl, Probe probe) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + probe.target()))
                .timeout(Duration.ofSeconds(30))
                .method(probe.method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(probe.body(), UTF_8));
        probe.headers().forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), null);
        } catch (IOException e) {
            return new Answer(-1, "", "", e.toString());
        }
    }

    private static Result tally(List<Probe> probes, List<Answer> answers) {
        int serverErrors = 0;
        int notProblemJson = 0;
        int leaking = 0;
        List<String> examples = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            Probe probe = probes.get(i);
            Answer answer = answers.get(i);
            String request = probe.method() + " " + abbreviate(probe.target()) + " " + headersOf(probe)
                    + " body " + abbreviate(String.valueOf(probe.body())) + " -> ";
            if (answer.failure() != null) {
                serverErrors++;
                example(examples, request + "no answer: " + answer.failure());
                continue;
            }
            boolean serverError = answer.status() >= 500;
            boolean notProblem = answer.status() >= 400
                    && !answer.contentType().toLowerCase(Locale.ROOT).startsWith("application/problem+json");
            boolean leaks = leaks(answer.body());
            serverErrors += serverError ? 1 : 0;
            notProblemJson += notProblem ? 1 : 0;
            leaking += leaks ? 1 : 0;
            if (serverError || notProblem || leaks) {
                example(examples, request + answer.status() + ": " + abbreviate(answer.body()));
            }
        }
        return new Result(probes.size(), serverErrors, notProblemJson, leaking, List.copyOf(examples));
    }

    /** The headers that shape the answer; the token itself is left out. */
    private static String headersOf(Probe probe) {
        Map<String, String> shown = new TreeMap<>(probe.headers());
        shown.computeIfPresent("Authorization", (name, value) -> value.length() > 20 ? "Bearer <token>" : value);
        return shown.toString();
    }

    private static boolean leaks(String body) {
        String lower = body.toLowerCase(Locale.ROOT);
        return body.contains("ERROR:") || LEAK_MARKERS.stream().anyMatch(lower::contains);
    }

    private static void example(List<String> examples, String example) {
        if (examples.size() < EXAMPLES) {
            examples.add(example);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200);
    }

    // ---- small helpers

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** One of the options {@code preferred} accepts, or of all options when it accepts none. */
    private <T> T pick(List<T> options, Predicate<T> preferred) {
        List<T> matching = options.stream().filter(preferred).toList();
        return pick(matching.isEmpty() ? options : matching);
    }

    private static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        return elements;
    }

    /** A version-4 UUID from the seeded random, so that it also passes a strict UUID check. */
    private String uuid() {
        long most = random.nextLong() & ~0xF000L | 0x4000L;
        long least = random.nextLong() & ~(0xCL << 60) | (0x8L << 60);
        return new UUID(most, least).toString();
    }

    /** Percent-encodes the UTF-8 bytes of every character but the unreserved ones of RFC 3986. */
    private static String encode(String raw) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : raw.getBytes(UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return encoded.toString();
    }

    private static String write(JsonNode value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

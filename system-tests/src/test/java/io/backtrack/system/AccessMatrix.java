package io.backtrack.system;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every operation of a service's OpenAPI document, called on one clinic's patient by callers who
 * must not reach it. A 2xx is a leak, whatever the operation; anything else is a refusal.
 */
final class AccessMatrix {

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The answers of one kind of caller: cells called, and the ones that got through. */
    record Row(String caller, int cells, int refused, List<String> leaks) {
    }

    private AccessMatrix() {
    }

    /**
     * @param ids     real path values of the victim's records by parameter name; others get a random UUID
     * @param callers caller kind to bearer token (null for none)
     */
    static List<Row> run(String baseUrl, String managementUrl, Map<String, String> ids, Map<String, String> callers) {
        List<String[]> operations = operations(managementUrl);
        List<Row> rows = new ArrayList<>();
        callers.forEach((caller, token) -> {
            int refused = 0;
            List<String> leaks = new ArrayList<>();
            for (String[] operation : operations) {
                String path = fill(operation[1], ids);
                RequestSpecification request = given().contentType("application/json");
                if (token != null) {
                    request = request.auth().oauth2(token);
                }
                if (!operation[0].equals("get")) {
                    request = request.body("{}");
                }
                Response response = request.request(operation[0].toUpperCase(), baseUrl + path);
                if (response.statusCode() >= 200 && response.statusCode() < 300) {
                    leaks.add(operation[0].toUpperCase() + " " + path + " -> " + response.statusCode());
                } else {
                    refused++;
                }
            }
            rows.add(new Row(caller, operations.size(), refused, leaks));
        });
        return rows;
    }

    /** {method, path template} of every operation under /api/ that names a record, the admin clock left out. */
    private static List<String[]> operations(String managementUrl) {
        JsonNode document;
        try {
            document = JSON.readTree(given().accept("application/json").get(managementUrl + "/q/openapi?format=json")
                    .asString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String[]> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> {
            if (path.getKey().startsWith("/api/") && path.getKey().contains("{")
                    && !path.getKey().startsWith("/api/v1/admin/clock")) {
                path.getValue().fieldNames().forEachRemaining(method -> {
                    if (List.of("get", "post", "put", "delete", "patch").contains(method)) {
                        operations.add(new String[] {method, path.getKey()});
                    }
                });
            }
        });
        return operations;
    }

    private static String fill(String template, Map<String, String> ids) {
        Matcher parameter = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            parameter.appendReplacement(path, ids.getOrDefault(parameter.group(1), UUID.randomUUID().toString()));
        }
        parameter.appendTail(path);
        return path.toString();
    }
}

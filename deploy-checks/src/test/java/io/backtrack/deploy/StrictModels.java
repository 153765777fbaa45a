package io.backtrack.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates Kubernetes objects strictly against the fabric8 and Strimzi models: the apiVersion and
 * kind must be one BackTrack deploys, every value must have its model's type (no "8080" for an
 * int), no field may be unknown, and the required fields of {@link RequiredFields} must be there.
 *
 * <p>The models accept unknown fields into their {@code additionalProperties} instead of failing,
 * whatever the mapper says, so after deserializing this walks the object graph and reports every
 * non-empty {@code additionalProperties}.
 */
final class StrictModels {

    private static final Map<String, Class<?>> MODELS = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "networking.k8s.io/v1/Ingress", Ingress.class,
            "kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class,
            "kafka.strimzi.io/v1beta2/KafkaUser", KafkaUser.class);

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // Kubernetes wants "false" and "8080" where a string is expected: no booleans or numbers.
            .withCoercionConfig(LogicalType.Textual, config -> config
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
            .build();

    private StrictModels() {
    }

    /** The problems of one object; empty when it is valid. */
    static List<String> problems(JsonNode object) {
        String type = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        Class<?> model = MODELS.get(type);
        if (model == null) {
            return List.of(ResourceId.of(object) + ": no model for " + type + " (expected one of " + MODELS.keySet() + ")");
        }
        Object parsed;
        try {
            parsed = MAPPER.treeToValue(object, model);
        } catch (JsonMappingException e) {
            return List.of(ResourceId.of(object) + ": " + path(e) + ": " + firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return List.of(ResourceId.of(object) + ": " + firstLine(e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        collectUnknownFields(parsed, type, problems, Collections.newSetFromMap(new IdentityHashMap<>()));
        RequiredFields.missing(object).forEach(path -> problems.add(ResourceId.of(object) + ": missing required " + path));
        return problems;
    }

    private static void collectUnknownFields(Object value, String path, List<String> problems, Set<Object> seen) {
        if (value == null || !isModel(value.getClass()) || !seen.add(value)) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (!isGetter(getter)) {
                continue;
            }
            Object child = invoke(getter, value);
            String childPath = path + "." + propertyName(getter);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + unknown.keySet());
                }
            } else if (child instanceof Collection<?> items) {
                int index = 0;
                for (Object item : items) {
                    collectUnknownFields(item, childPath + "[" + index++ + "]", problems, seen);
                }
            } else if (child instanceof Map<?, ?> map) {
                map.forEach((key, item) -> collectUnknownFields(item, childPath + "[" + key + "]", problems, seen));
            } else {
                collectUnknownFields(child, childPath, problems, seen);
            }
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return name.startsWith("io.fabric8.kubernetes.api.model") || name.startsWith("io.strimzi.api");
    }

    private static boolean isGetter(Method method) {
        return method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
                && method.getName().startsWith("get") && !method.getName().equals("getClass");
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }

    private static String propertyName(Method getter) {
        String name = getter.getName().substring(3);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse(message);
    }
}

package io.backtrack.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

/**
 * States which roles may call each operation, read from its resource method's (or class's)
 * {@code @RolesAllowed}: as the extension {@code x-roles} and at the end of its description. The
 * bearer scheme cannot carry them (OpenAPI 3.0 lists scopes for OAuth2 and OpenID Connect schemes
 * only), and a front-end must know which screen may call what. Operation ids are
 * {@code <class>_<method>} ({@code quarkus.smallrye-openapi.operation-id-strategy=class-method}).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class OperationRolesFilter implements OASFilter {

    private static final DotName ROLES_ALLOWED = DotName.createSimple(RolesAllowed.class);
    private static final DotName PERMIT_ALL = DotName.createSimple(PermitAll.class);

    private final IndexView index;

    public OperationRolesFilter(IndexView index) {
        this.index = index;
    }

    @Override
    public Operation filterOperation(Operation operation) {
        rolesOf(operation.getOperationId()).ifPresent(roles -> {
            operation.addExtension("x-roles", roles);
            String stated = roles.isEmpty() ? "Roles: any caller; no token is needed."
                    : "Roles: " + String.join(", ", roles) + ".";
            operation.setDescription(operation.getDescription() == null ? stated
                    : operation.getDescription() + "\n\n" + stated);
        });
        return operation;
    }

    /** The roles of the operation's method, empty when anyone may call it; none found when it names no method. */
    private Optional<List<String>> rolesOf(String operationId) {
        if (operationId == null || !operationId.contains("_")) {
            return Optional.empty();
        }
        String className = operationId.substring(0, operationId.indexOf('_'));
        String methodName = operationId.substring(operationId.indexOf('_') + 1);
        return index.getKnownClasses().stream()
                .filter(type -> className.equals(type.simpleName()))
                .flatMap(type -> type.methods().stream().filter(method -> method.name().equals(methodName))
                        .map(method -> roles(type, method)))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<List<String>> roles(ClassInfo type, MethodInfo method) {
        if (method.hasDeclaredAnnotation(PERMIT_ALL)) {
            return Optional.of(List.of());
        }
        AnnotationInstance allowed = method.hasDeclaredAnnotation(ROLES_ALLOWED) ? method.declaredAnnotation(ROLES_ALLOWED)
                : type.declaredAnnotation(ROLES_ALLOWED);
        if (allowed != null) {
            return Optional.of(Arrays.asList(allowed.value().asStringArray()));
        }
        return type.hasDeclaredAnnotation(PERMIT_ALL) ? Optional.of(List.of()) : Optional.empty();
    }
}

package io.backtrack.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * A parameter's default as the type its schema declares: the generator copies {@code @DefaultValue}'s
 * text ({@code "0"}, {@code "false"}), which makes the document invalid OpenAPI for an integer or
 * boolean parameter, and client generators refuse it.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ParameterDefaultsFilter implements OASFilter {

    @Override
    public Parameter filterParameter(Parameter parameter) {
        Schema schema = parameter.getSchema();
        if (schema != null && schema.getDefaultValue() instanceof String text && schema.getType() != null) {
            List<Schema.SchemaType> types = schema.getType();
            if (types.contains(Schema.SchemaType.INTEGER)) {
                schema.setDefaultValue(new BigDecimal(text).toBigIntegerExact());
            } else if (types.contains(Schema.SchemaType.NUMBER)) {
                schema.setDefaultValue(new BigDecimal(text));
            } else if (types.contains(Schema.SchemaType.BOOLEAN)) {
                schema.setDefaultValue(Boolean.valueOf(text));
            }
        }
        return parameter;
    }
}

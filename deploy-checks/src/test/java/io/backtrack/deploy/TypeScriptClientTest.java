package io.backtrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.openapitools.codegen.validation.Invalid;
import org.openapitools.codegen.validation.ValidationResult;
import org.openapitools.codegen.validations.oas.OpenApiEvaluator;
import org.openapitools.codegen.validations.oas.RuleConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A front-end team generates its client from each service's OpenAPI document (as written by the
 * build to {@code <service>/target/openapi/openapi.json}) with openapi-generator's typescript-fetch:
 * the document parses and validates without errors or warnings, and the client has an API per tag.
 */
class TypeScriptClientTest {

    @ParameterizedTest
    @MethodSource("io.backtrack.deploy.ProjectFiles#services")
    void theOpenApiDocumentGeneratesATypeScriptClientWithoutErrorsOrWarnings(String service) {
        Path document = ProjectFiles.openApiDocument(service);

        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult parsed = new OpenAPIParser().readLocation(document.toUri().toString(), null, options);
        assertThat(parsed.getMessages()).as("parser messages").isEmpty();
        ValidationResult validation = new OpenApiEvaluator(new RuleConfiguration()).validate(parsed.getOpenAPI());
        assertThat(validation.getErrors()).as("validation errors").extracting(TypeScriptClientTest::describe).isEmpty();
        assertThat(validation.getWarnings()).as("validation warnings").extracting(TypeScriptClientTest::describe).isEmpty();

        Path output = ProjectFiles.resolve("deploy-checks/target/typescript-clients/" + service);
        CodegenConfigurator generator = new CodegenConfigurator()
                .setGeneratorName("typescript-fetch")
                .setInputSpec(document.toString())
                .setOutputDir(output.toString())
                .setValidateSpec(true);
        List<File> files = new DefaultGenerator().opts(generator.toClientOptInput()).generate();

        assertThat(files).extracting(File::getName).contains("index.ts", "runtime.ts");
        assertThat(output.resolve("apis").toFile().list()).as("generated APIs").isNotEmpty();
        assertThat(output.resolve("models").toFile().list()).as("generated models").contains("Problem.ts", "Violation.ts");
    }

    private static String describe(Invalid invalid) {
        return invalid.getMessage() + " (" + invalid.getDetails() + ")";
    }
}

package io.caravan.platform.validation.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a descriptor's configuration schema is JSON Schema 2020-12: it validates against the
 * 2020-12 meta-schema and compiles with networknt (the validator {@code ConfigurationValidator}
 * later runs merchants' configurations through). Nothing is fetched: only the meta-schemas bundled
 * in the validator's jar may be loaded, so a {@code $ref} or {@code $schema} pointing at a URL
 * cannot make the platform call out.
 */
final class ConfigurationSchemaCheck {
    static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";
    private static final int MAX_PROBLEMS = 10;

    private final ObjectMapper json = new ObjectMapper();
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaLoaders(loaders ->
                    loaders.add(new AllowSchemaLoader(iri -> iri.toString().startsWith("classpath:draft/")))));
    private volatile JsonSchema metaSchema;

    /** @return the problems, each naming the place in the schema; empty when the schema is valid */
    List<String> problems(String schemaJson) {
        JsonNode schema;
        try {
            schema = json.readTree(schemaJson);
        } catch (JsonProcessingException e) {
            return List.of("is not JSON: " + e.getOriginalMessage());
        }
        if (schema == null || !schema.isObject()) {
            return List.of("must be a JSON object");
        }
        JsonNode declared = schema.get("$schema");
        if (declared != null
                && !(declared.isTextual()
                        && (declared.asText().equals(DRAFT_2020_12)
                                || declared.asText().equals(DRAFT_2020_12 + "#")))) {
            return List.of("declares \"$schema\": " + declared + "; configuration schemas are JSON Schema 2020-12 ("
                    + DRAFT_2020_12 + ")");
        }
        List<String> problems = new ArrayList<>();
        try {
            for (ValidationMessage m : metaSchema().validate(schema)) {
                problems.add(m.getMessage());
            }
        } catch (RuntimeException e) {
            problems.add("cannot be checked against the 2020-12 meta-schema: " + e.getMessage());
        }
        if (problems.isEmpty()) {
            try {
                factory.getSchema(schema).initializeValidators();
            } catch (RuntimeException e) {
                problems.add("does not compile: " + e.getMessage());
            }
        }
        return problems.stream()
                .map(p -> p.replaceAll("\\s+", " ").strip())
                .sorted()
                .limit(MAX_PROBLEMS)
                .toList();
    }

    private JsonSchema metaSchema() {
        JsonSchema schema = metaSchema;
        if (schema == null) {
            schema = factory.getSchema(SchemaLocation.of(DRAFT_2020_12));
            schema.initializeValidators();
            metaSchema = schema;
        }
        return schema;
    }
}

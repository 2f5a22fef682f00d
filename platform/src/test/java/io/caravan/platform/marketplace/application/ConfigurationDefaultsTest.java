package io.caravan.platform.marketplace.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfigurationDefaultsTest {

    @Test
    void everyDefaultIncludingThoseInsideObjectsAndNothingElse() {
        String schema = """
                {"type": "object", "required": ["ratePercent"],
                 "properties": {
                   "ratePercent": {"type": "string", "default": "20"},
                   "label": {"type": "string"},
                   "api": {"type": "object", "properties": {"timeoutMs": {"type": "integer", "default": 800},
                                                           "key": {"type": "string"}}},
                   "empty": {"type": "object", "properties": {"x": {"type": "string"}}}
                 }}""";
        assertThat(ConfigurationDefaults.of(schema)).isEqualTo("{\"ratePercent\":\"20\",\"api\":{\"timeoutMs\":800}}");
    }

    @Test
    void aSchemaWithoutDefaultsGivesAnEmptyObject() {
        assertThat(ConfigurationDefaults.of("{\"type\":\"object\",\"additionalProperties\":false}"))
                .isEqualTo("{}");
    }
}

package io.caravan.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravan.sdk.plugin.DataScope;
import io.caravan.sdk.plugin.ExtensionPoint;
import io.caravan.sdk.plugin.FailurePolicy;
import io.caravan.sdk.plugin.PluginDescriptor;
import org.junit.jupiter.api.Test;

/** The one strict reader: what the archetype's old copy let through is refused here, naming the member. */
class PluginDescriptorReaderTest {

    private static final String VALID = """
            {"id": "acme-tax", "name": "ACME Tax", "version": "1.2.0", "sdk": "[1.0,2.0)", "kinds": ["TAX"],
             "extensions": [{"point": "TAX_CALCULATOR", "class": "com.acme.Tax", "failurePolicy": "FAIL_CLOSED"}],
             "configuration": {"schema": {"type": "object"}, "secrets": ["/apiKey"]},
             "permissions": {"egressHosts": ["rates.acme.example"], "data": ["ADDRESS_LINES"]}}""";

    @Test
    void aValidDescriptorIsReadWhole() {
        PluginDescriptor d = PluginDescriptorReader.read(VALID);
        assertThat(d.id()).isEqualTo("acme-tax");
        assertThat(d.extension(ExtensionPoint.TAX_CALCULATOR).orElseThrow().failurePolicy())
                .isEqualTo(FailurePolicy.FAIL_CLOSED);
        assertThat(d.secretFields()).containsExactly("/apiKey");
        assertThat(d.permissions().egressHosts()).containsExactly("rates.acme.example");
        assertThat(d.permissions().data()).containsExactly(DataScope.ADDRESS_LINES);
    }

    @Test
    void aMisspeltPermissionsKeyIsAnErrorNotNoPermissions() {
        assertThatThrownBy(() -> PluginDescriptorReader.read(VALID.replace("\"permissions\"", "\"permisions\"")))
                .isInstanceOf(InvalidDescriptorException.class)
                .hasMessageStartingWith(PluginDescriptor.RESOURCE_PATH)
                .hasMessageContaining("unknown member \"permisions\"");
        assertThatThrownBy(() -> PluginDescriptorReader.read(VALID.replace("\"egressHosts\"", "\"egresHosts\"")))
                .isInstanceOf(InvalidDescriptorException.class)
                .hasMessageContaining("permissions.egresHosts");
    }

    @Test
    void eachBadMemberIsNamed() {
        assertThatThrownBy(() -> PluginDescriptorReader.read(VALID.replace("\"TAX_CALCULATOR\"", "\"TAX_CALC\"")))
                .isInstanceOf(InvalidDescriptorException.class)
                .hasMessageContaining("extensions[0].point")
                .hasMessageContaining("TAX_CALCULATOR");
        assertThatThrownBy(() -> PluginDescriptorReader.read(VALID.replace("\"FAIL_CLOSED\"", "\"CLOSED\"")))
                .isInstanceOf(InvalidDescriptorException.class)
                .hasMessageContaining("extensions[0].failurePolicy");
        assertThatThrownBy(() -> PluginDescriptorReader.read(VALID.replace("\"version\": \"1.2.0\"", "\"version\": 1")))
                .isInstanceOf(InvalidDescriptorException.class)
                .hasMessageContaining("\"version\" must be a string");
        assertThatThrownBy(() -> PluginDescriptorReader.read("[]"))
                .isInstanceOf(InvalidDescriptorException.class)
                .hasMessageContaining("JSON object");
    }

    @Test
    void aMemberNamedTwiceIsRefusedNotMerged() {
        // the first permissions member (an exfiltration host) used to be dropped without a word
        String twice = VALID.replace(
                "\"permissions\": {", "\"permissions\": {\"egressHosts\": [\"exfil.example\"]}, \"permissions\": {");
        assertThatThrownBy(() -> PluginDescriptorReader.read(twice))
                .isInstanceOf(InvalidDescriptorException.class)
                .hasMessageContaining("permissions");
    }

    @Test
    void hostileNestingIsAnInvalidDescriptorNotAStackOverflow() {
        String deep = VALID.replace(
                "{\"type\": \"object\"}",
                "{\"type\": \"object\", \"x\": " + "[".repeat(30_000) + "]".repeat(30_000) + "}");
        assertThatThrownBy(() -> PluginDescriptorReader.read(deep))
                .isInstanceOf(InvalidDescriptorException.class)
                .hasMessageContaining("nested deeper than " + StrictJson.MAX_DEPTH);
    }
}

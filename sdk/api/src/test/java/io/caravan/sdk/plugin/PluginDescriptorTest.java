package io.caravan.sdk.plugin;

import static io.caravan.sdk.Fixtures.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.sdk.model.OrderEventType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PluginDescriptorTest {

    private static final String SCHEMA = "{\"type\":\"object\"}";
    private static final Extension TAX =
            new Extension(ExtensionPoint.TAX_CALCULATOR, "com.acme.tax.AcmeTax", FailurePolicy.FAIL_CLOSED);

    private static PluginDescriptor descriptor(
            String id,
            String version,
            String sdk,
            Set<PluginKind> kinds,
            List<Extension> extensions,
            Set<String> secrets,
            Permissions permissions) {
        return new PluginDescriptor(id, "ACME Tax", version, sdk, kinds, extensions, SCHEMA, secrets, permissions);
    }

    private static PluginDescriptor tax(String id) {
        return descriptor(id, "1.0.0", "[1.0,2.0)", Set.of(PluginKind.TAX), List.of(TAX), Set.of(), Permissions.none());
    }

    @Test
    void theDescriptorLivesAtAFixedPathInTheBundle() {
        assertThat(PluginDescriptor.RESOURCE_PATH).isEqualTo("OSGI-INF/caravan-plugin.json");
    }

    @Test
    void aValidDescriptorFindsItsExtensions() {
        PluginDescriptor d = tax("acme-tax");
        assertThat(d.extension(ExtensionPoint.TAX_CALCULATOR)).contains(TAX);
        assertThat(d.extension(ExtensionPoint.HEALTH)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme-tax", "com.acme.tax", "tax2", "a"})
    void acceptsIds(String id) {
        assertThat(tax(id).id()).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Acme", "acme_tax", "-acme", "acme-", "acme..tax", "2tax", "acme tax", ""})
    void refusesIds(String id) {
        assertInvalid(() -> tax(id), "PluginDescriptor.id");
    }

    @Test
    void refusesIdsOverSixtyFourCharacters() {
        assertInvalid(() -> tax("a".repeat(65)), "PluginDescriptor.id must be at most 64 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "1", "v1.0.0", "1.0.0-SNAPSHOT", "1.0.0.", ""})
    void refusesVersionsThatAreNotOsgiVersions(String version) {
        assertInvalid(
                () -> descriptor(
                        "acme",
                        version,
                        "[1.0,2.0)",
                        Set.of(PluginKind.TAX),
                        List.of(TAX),
                        Set.of(),
                        Permissions.none()),
                "PluginDescriptor.version");
    }

    @Test
    void acceptsAQualifiedVersion() {
        assertThat(descriptor(
                                "acme",
                                "1.2.3.beta-1",
                                "1.0",
                                Set.of(PluginKind.TAX),
                                List.of(TAX),
                                Set.of(),
                                Permissions.none())
                        .version())
                .isEqualTo("1.2.3.beta-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1.0,2.0)", "[1,2)", "(1.0.0, 1.5.0]", "1.0"})
    void acceptsSdkRanges(String range) {
        assertThat(descriptor(
                                "acme",
                                "1.0.0",
                                range,
                                Set.of(PluginKind.TAX),
                                List.of(TAX),
                                Set.of(),
                                Permissions.none())
                        .sdkRange())
                .isEqualTo(range);
    }

    @ParameterizedTest
    @ValueSource(strings = {">=1.0", "[1.0,2.0", "1.x", "[1.0;2.0)", ""})
    void refusesMalformedSdkRanges(String range) {
        assertInvalid(
                () -> descriptor(
                        "acme", "1.0.0", range, Set.of(PluginKind.TAX), List.of(TAX), Set.of(), Permissions.none()),
                "PluginDescriptor.sdkRange");
    }

    @Nested
    class KindsAndExtensions {
        @ParameterizedTest
        @org.junit.jupiter.params.provider.EnumSource(
                value = ExtensionPoint.class,
                names = {
                    "PAYMENT_SESSIONS",
                    "PAYMENT_AUTHORIZER",
                    "PAYMENT_CAPTURER",
                    "PAYMENT_VOIDER",
                    "PAYMENT_REFUNDER",
                    "CARRIER_SHIPMENTS",
                    "CARRIER_RETURN_SHIPMENTS",
                    "CARRIER_CANCELLATIONS"
                })
        void pointsThatMoveMoneyRefuseAFallbackPolicyAndSayWhy(ExtensionPoint point) {
            assertThat(point.allowsFallback()).isFalse();
            assertInvalid(
                    () -> new Extension(point, "com.acme.Pay", FailurePolicy.FALLBACK),
                    "Extension.failurePolicy FALLBACK is not allowed for " + point
                            + ": a failed or timed-out call may have moved money");
            assertThat(new Extension(point, "com.acme.Pay", FailurePolicy.FAIL_CLOSED).failurePolicy())
                    .isEqualTo(FailurePolicy.FAIL_CLOSED);
        }

        @ParameterizedTest
        @org.junit.jupiter.params.provider.EnumSource(
                value = ExtensionPoint.class,
                names = {
                    "PAYMENT_METHODS",
                    "PAYMENT_STATUS",
                    "PAYMENT_NOTIFICATIONS",
                    "CARRIER_RATES",
                    "CARRIER_TRACKING",
                    "CARRIER_NOTIFICATIONS",
                    "TAX_CALCULATOR"
                })
        void otherPointsMayDeclareAFallback(ExtensionPoint point) {
            assertThat(point.allowsFallback()).isTrue();
            assertThat(new Extension(point, "com.acme.X", FailurePolicy.FALLBACK).failurePolicy())
                    .isEqualTo(FailurePolicy.FALLBACK);
        }

        @Test
        void needsAKindAndAnExtension() {
            assertInvalid(
                    () -> descriptor("acme", "1.0.0", "1.0", Set.of(), List.of(TAX), Set.of(), Permissions.none()),
                    "PluginDescriptor.kinds must not be empty");
            assertInvalid(
                    () -> descriptor(
                            "acme", "1.0.0", "1.0", Set.of(PluginKind.TAX), List.of(), Set.of(), Permissions.none()),
                    "PluginDescriptor.extensions must not be empty");
        }

        @Test
        void eachPointAtMostOnce() {
            assertInvalid(
                    () -> descriptor(
                            "acme",
                            "1.0.0",
                            "1.0",
                            Set.of(PluginKind.TAX),
                            List.of(TAX, TAX),
                            Set.of(),
                            Permissions.none()),
                    "PluginDescriptor.extensions[1] provides TAX_CALCULATOR a second time");
        }

        @Test
        void everyExtensionBelongsToADeclaredKind() {
            Extension rates = new Extension(ExtensionPoint.CARRIER_RATES, "com.acme.Rates", FailurePolicy.FALLBACK);
            assertInvalid(
                    () -> descriptor(
                            "acme",
                            "1.0.0",
                            "1.0",
                            Set.of(PluginKind.TAX),
                            List.of(TAX, rates),
                            Set.of(),
                            Permissions.none()),
                    "of kind CARRIERS, which is not among the kinds");
        }

        @Test
        void everyDeclaredKindIsProvided() {
            assertInvalid(
                    () -> descriptor(
                            "acme",
                            "1.0.0",
                            "1.0",
                            Set.of(PluginKind.TAX, PluginKind.RETURNS),
                            List.of(TAX),
                            Set.of(),
                            Permissions.none()),
                    "PluginDescriptor.kinds lists RETURNS but no extension of that kind is provided");
        }

        @Test
        void healthAndEventsNeedNoKind() {
            Extension health = new Extension(ExtensionPoint.HEALTH, "com.acme.Health", FailurePolicy.FAIL_OPEN);
            assertThat(descriptor(
                                    "acme",
                                    "1.0.0",
                                    "1.0",
                                    Set.of(PluginKind.TAX),
                                    List.of(TAX, health),
                                    Set.of(),
                                    Permissions.none())
                            .extensions())
                    .hasSize(2);
        }

        @Test
        void eventListenersAndEventPermissionsComeTogether() {
            Extension listener = new Extension(ExtensionPoint.ORDER_EVENTS, "com.acme.Events", FailurePolicy.FAIL_OPEN);
            Permissions refunds = new Permissions(Set.of(), Set.of(OrderEventType.PAYMENT_REFUNDED), Set.of());
            assertInvalid(
                    () -> descriptor(
                            "acme",
                            "1.0.0",
                            "1.0",
                            Set.of(PluginKind.TAX),
                            List.of(TAX, listener),
                            Set.of(),
                            Permissions.none()),
                    "permissions.events must name at least one event");
            assertInvalid(
                    () -> descriptor("acme", "1.0.0", "1.0", Set.of(PluginKind.TAX), List.of(TAX), Set.of(), refunds),
                    "permissions.events needs an ORDER_EVENTS extension");
            assertThat(descriptor(
                                    "acme",
                                    "1.0.0",
                                    "1.0",
                                    Set.of(PluginKind.TAX),
                                    List.of(TAX, listener),
                                    Set.of(),
                                    refunds)
                            .permissions()
                            .events())
                    .containsExactly(OrderEventType.PAYMENT_REFUNDED);
        }

        @ParameterizedTest
        @ValueSource(strings = {"AcmeTax", "com.acme.", ".AcmeTax", "com.acme.Acme-Tax", "com..Acme", ""})
        void classNamesAreQualifiedJavaNames(String className) {
            assertInvalid(
                    () -> new Extension(ExtensionPoint.TAX_CALCULATOR, className, FailurePolicy.FAIL_CLOSED),
                    "Extension.className");
        }

        @Test
        void extensionsNeedAPointAndAPolicy() {
            assertInvalid(
                    () -> new Extension(null, "com.acme.A", FailurePolicy.FAIL_OPEN), "Extension.point is required");
            assertInvalid(
                    () -> new Extension(ExtensionPoint.HEALTH, "com.acme.A", null),
                    "Extension.failurePolicy is required");
            assertThat(new Extension(ExtensionPoint.HEALTH, "com.acme.Outer$Inner", FailurePolicy.FAIL_OPEN)
                            .className())
                    .isEqualTo("com.acme.Outer$Inner");
        }
    }

    @Nested
    class Configuration {
        @Test
        void schemaIsAJsonObject() {
            assertInvalid(
                    () -> new PluginDescriptor(
                            "acme",
                            "A",
                            "1.0.0",
                            "1.0",
                            Set.of(PluginKind.TAX),
                            List.of(TAX),
                            "[]",
                            Set.of(),
                            Permissions.none()),
                    "PluginDescriptor.configurationSchema must be a JSON object");
            assertInvalid(
                    () -> new PluginDescriptor(
                            "acme",
                            "A",
                            "1.0.0",
                            "1.0",
                            Set.of(PluginKind.TAX),
                            List.of(TAX),
                            " ",
                            Set.of(),
                            Permissions.none()),
                    "PluginDescriptor.configurationSchema must not be blank");
            assertInvalid(
                    () -> new PluginDescriptor(
                            "acme",
                            "A",
                            "1.0.0",
                            "1.0",
                            Set.of(PluginKind.TAX),
                            List.of(TAX),
                            "{" + " ".repeat(PluginDescriptor.MAX_SCHEMA_LENGTH) + "}",
                            Set.of(),
                            Permissions.none()),
                    "PluginDescriptor.configurationSchema must be at most 65536 characters");
        }

        @ParameterizedTest
        @ValueSource(strings = {"/apiKey", "/ratesApi/apiKey", "/a~1b", "/list/0/secret"})
        void secretFieldsAreJsonPointers(String pointer) {
            assertThat(descriptor(
                                    "acme",
                                    "1.0.0",
                                    "1.0",
                                    Set.of(PluginKind.TAX),
                                    List.of(TAX),
                                    Set.of(pointer),
                                    Permissions.none())
                            .secretFields())
                    .containsExactly(pointer);
        }

        @ParameterizedTest
        @ValueSource(strings = {"apiKey", "/", "/a//b", "/a~2", "$.apiKey", ""})
        void refusesSecretFieldsThatAreNotJsonPointers(String pointer) {
            assertInvalid(
                    () -> descriptor(
                            "acme",
                            "1.0.0",
                            "1.0",
                            Set.of(PluginKind.TAX),
                            List.of(TAX),
                            Set.of(pointer),
                            Permissions.none()),
                    "PluginDescriptor.secretFields element must be a JSON Pointer");
        }

        @Test
        void nameAndPermissionsAreRequired() {
            assertInvalid(
                    () -> new PluginDescriptor(
                            "acme",
                            " ",
                            "1.0.0",
                            "1.0",
                            Set.of(PluginKind.TAX),
                            List.of(TAX),
                            SCHEMA,
                            Set.of(),
                            Permissions.none()),
                    "PluginDescriptor.name must not be blank");
            assertInvalid(
                    () -> descriptor("acme", "1.0.0", "1.0", Set.of(PluginKind.TAX), List.of(TAX), Set.of(), null),
                    "PluginDescriptor.permissions is required");
        }
    }

    @Nested
    class PermissionRules {
        @ParameterizedTest
        @ValueSource(strings = {"api.stripe.com", "rates.acme.example", "localhost", "a-b.example.co.uk"})
        void acceptsLowerCaseHostNames(String host) {
            assertThat(new Permissions(Set.of(host), Set.of(), Set.of()).egressHosts())
                    .containsExactly(host);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "API.stripe.com",
                    "*.stripe.com",
                    "api.stripe.com:443",
                    "10.0.0.1",
                    "https://api.x.com",
                    "-api.x.com",
                    "api..x.com",
                    ""
                })
        void refusesWildcardsPortsIpsAndUrls(String host) {
            assertInvalid(() -> new Permissions(Set.of(host), Set.of(), Set.of()), "Permissions.egressHosts element");
        }

        @Test
        void setsAreRequired() {
            assertInvalid(() -> new Permissions(null, Set.of(), Set.of()), "Permissions.egressHosts is required");
            assertInvalid(() -> new Permissions(Set.of(), null, Set.of()), "Permissions.events is required");
            assertInvalid(() -> new Permissions(Set.of(), Set.of(), null), "Permissions.data is required");
        }
    }

    @Test
    void everyExtensionPointNamesAnSdkInterfaceThatTakesTheContextFirst() throws Exception {
        for (ExtensionPoint point : ExtensionPoint.values()) {
            Class<?> type = Class.forName(point.interfaceName());
            assertThat(type.isInterface()).as(point.name()).isTrue();
            assertThat(type.getDeclaredMethods())
                    .as(point.name())
                    .isNotEmpty()
                    .allSatisfy(method -> assertThat(method.getParameterTypes()[0])
                            .as(method.toString())
                            .isEqualTo(PluginContext.class));
            assertThat(point.defaultDeadline()).as(point.name()).isPositive();
        }
    }
}

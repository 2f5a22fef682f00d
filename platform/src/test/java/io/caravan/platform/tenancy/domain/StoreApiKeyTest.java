package io.caravan.platform.tenancy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StoreApiKeyTest {
    @Test
    void keysAreRandomAndOnlyTheirHashIsKept() {
        ApiKeySecret one = ApiKeySecret.generate();
        ApiKeySecret two = ApiKeySecret.generate();
        assertThat(one.value()).isNotEqualTo(two.value()).startsWith("cvk_").hasSize(47);
        assertThat(one.hash()).hasSize(64).isNotEqualTo(two.hash());
        assertThat(one.toString()).doesNotContain(one.value().substring(10));

        StoreApiKey key = new StoreApiKey("web", one, Set.of(ApiKeyScope.STOREFRONT_READ), "mara", Instant.EPOCH);
        assertThat(ApiKeySecret.presented(one.value()).hash()).isEqualTo(one.hash());
        assertThat(key.keyPrefix()).isEqualTo(one.value().substring(0, 10));
    }

    @Test
    void malformedPresentedKeysAreRecognisedWithoutHashing() {
        assertThat(ApiKeySecret.presented("Bearer abc")).isNull();
        assertThat(ApiKeySecret.presented("cvk_short")).isNull();
        assertThat(ApiKeySecret.presented(null)).isNull();
    }

    @Test
    void lastUseIsRecordedAtMostOncePerMinute() {
        StoreApiKey key = new StoreApiKey(
                "web", ApiKeySecret.generate(), Set.of(ApiKeyScope.STOREFRONT_READ), "mara", Instant.EPOCH);
        Instant first = Instant.parse("2026-11-23T10:00:00Z");
        assertThat(key.recordUse(first)).isTrue();
        assertThat(key.recordUse(first.plusSeconds(30))).isFalse();
        assertThat(key.recordUse(first.plus(Duration.ofMinutes(1)))).isTrue();
        assertThat(key.lastUsedAt()).isEqualTo(first.plus(Duration.ofMinutes(1)));
    }

    @Test
    void revokedKeysStayRevoked() {
        StoreApiKey key = new StoreApiKey(
                "web", ApiKeySecret.generate(), Set.of(ApiKeyScope.STOREFRONT_READ), "mara", Instant.EPOCH);
        key.revoke(Instant.EPOCH.plusSeconds(5));
        key.revoke(Instant.EPOCH.plusSeconds(9));
        assertThat(key.revokedAt()).isEqualTo(Instant.EPOCH.plusSeconds(5));
        assertThat(key.isRevoked()).isTrue();
    }
}

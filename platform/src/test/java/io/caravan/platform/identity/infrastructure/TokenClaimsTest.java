package io.caravan.platform.identity.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenClaimsTest {
    @Test
    void listShapeNamesTheAliases() {
        assertThat(TokenClaims.organizations(List.of("lisbon-ceramics", "osaka-tea")))
                .containsExactlyInAnyOrder("lisbon-ceramics", "osaka-tea");
    }

    @Test
    void objectShapeIsKeyedByAlias() {
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("lisbon-ceramics", Map.of("id", "5b1c"));
        claim.put("osaka-tea", Map.of("id", "9f2e"));
        assertThat(TokenClaims.organizations(claim)).containsExactlyInAnyOrder("lisbon-ceramics", "osaka-tea");
    }

    @Test
    void missingClaimMeansNoStores() {
        assertThat(TokenClaims.organizations(null)).isEmpty();
        assertThat(TokenClaims.organizations("")).isEmpty();
    }
}

package io.caravan.test.orderlistener;

import io.caravan.sdk.membership.MemberProfile;
import io.caravan.sdk.membership.TierAssignment;
import io.caravan.sdk.membership.TierResolver;
import io.caravan.sdk.plugin.PluginContext;
import java.math.BigDecimal;
import java.util.List;

/** The membership point a plugin of kind MEMBERSHIP must provide; the tests never call it. */
public final class EveryoneIsAMember implements TierResolver {
    /** Stateless. */
    public EveryoneIsAMember() {}

    @Override
    public TierAssignment resolve(PluginContext context, MemberProfile profile) {
        return new TierAssignment(
                "member", "Member", BigDecimal.ONE, List.of(), java.util.Set.of(), null, "everyone is a member");
    }
}

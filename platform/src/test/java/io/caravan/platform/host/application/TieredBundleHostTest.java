package io.caravan.platform.host.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.platform.shared.domain.ReleaseId;
import io.caravan.runtime.PluginDescriptorReader;
import io.caravan.sdk.plugin.ExtensionPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which tier runs a version: certified ones in-process until they overrun a deadline, everything
 * else isolated; each loaded plugin goes back to the tier that loaded it. Two recording tiers.
 */
class TieredBundleHostTest {
    final List<String> calls = new ArrayList<>();
    final Recording inProcess = new Recording("in-process", Tier.IN_PROCESS, 2);
    final Recording isolated = new Recording("isolated", Tier.ISOLATED, 3);
    final TieredBundleHost host = new TieredBundleHost(inProcess, isolated);

    @Test
    void certifiedVersionsLoadInProcessAndOthersIsolated() {
        LoadedPlugin certified = host.load(artifact("r-1", true), new byte[0]);
        LoadedPlugin uncertified = host.load(artifact("r-2", false), new byte[0]);

        assertThat(certified.tier()).isEqualTo(Tier.IN_PROCESS);
        assertThat(uncertified.tier()).isEqualTo(Tier.ISOLATED);
        assertThat(host.inProcess(certified)).isTrue();
        assertThat(host.inProcess(uncertified)).isFalse();
        assertThat(calls).containsExactly("in-process load r-1", "isolated load r-2");
    }

    @Test
    void aCertifiedVersionMovedOutLoadsIsolatedFromThenOn() {
        PluginArtifact artifact = artifact("r-1", true);
        assertThat(host.runsInProcess(artifact)).isTrue();

        assertThat(host.moveToIsolated(new ReleaseId("r-1"))).isTrue();
        assertThat(host.moveToIsolated(new ReleaseId("r-1")))
                .as("already moved")
                .isFalse();

        assertThat(host.runsInProcess(artifact)).isFalse();
        assertThat(host.load(artifact, new byte[0]).tier()).isEqualTo(Tier.ISOLATED);
        assertThat(host.movedToIsolated()).containsExactly(new ReleaseId("r-1"));
        assertThat(host.runsInProcess(artifact("r-9", true))).isTrue();
    }

    @Test
    void aPluginIsUnloadedByTheTierThatLoadedIt() {
        LoadedPlugin a = host.load(artifact("r-1", true), new byte[0]);
        LoadedPlugin b = host.load(artifact("r-2", false), new byte[0]);
        calls.clear();

        host.unload(a);
        host.unload(b);

        assertThat(calls).containsExactly("in-process unload r-1", "isolated unload r-2");
    }

    @Test
    void theSdkIsTheInProcessTiersAndBundlesAreCountedOverBoth() {
        assertThat(host.sdkVersion()).isEqualTo("in-process-sdk");
        assertThat(host.acceptsSdkRange("[1.0,2.0)")).isTrue();
        assertThat(host.acceptsSdkRange("[9.0,10.0)")).isFalse();
        assertThat(host.bundleCount()).isEqualTo(5);
        assertThat(host.inProcessTier()).isSameAs(inProcess);
        assertThat(host.isolatedTier()).isSameAs(isolated);
    }

    @Test
    void outcomesAndRefusalsSayWhatHappened() {
        assertThat(new PluginOutcome<>("x", PluginOutcome.Status.ANSWERED, null, "i", "p", "1").answered())
                .isTrue();
        assertThat(new PluginOutcome<>(null, PluginOutcome.Status.FELL_BACK, null, "i", "p", "1").answered())
                .isFalse();
        assertThat(new NoPluginInstalledException("shop", ExtensionPoint.TAX_CALCULATOR))
                .hasMessage("store 'shop' has no enabled plugin providing TAX_CALCULATOR (install a tax plugin)");
        assertThat(new NoPluginInstalledException("shop", ExtensionPoint.HEALTH))
                .hasMessage("store 'shop' has no enabled plugin providing HEALTH");
    }

    static PluginArtifact artifact(String releaseId, boolean certified) {
        return new PluginArtifact(
                new ReleaseId(releaseId),
                "io.caravan.test.inline",
                "0".repeat(64),
                PluginDescriptorReader.read("""
                        {"id": "test-inline", "name": "Inline test", "version": "1.0.0", "sdk": "[1.0,2.0)",
                         "kinds": ["TAX"],
                         "extensions": [{"point": "TAX_CALCULATOR", "class": "io.caravan.test.inline.Calculator",
                                         "failurePolicy": "FAIL_CLOSED"}],
                         "configuration": {"schema": {"type": "object"}, "secrets": []},
                         "permissions": {"egressHosts": [], "events": [], "data": []}}
                        """),
                certified);
    }

    /** A tier that records what it is asked and answers with plugins of its own tier. */
    final class Recording implements TieredBundleHost.IsolatedTier {
        final String name;
        final Tier tier;
        final int bundles;

        Recording(String name, Tier tier, int bundles) {
            this.name = name;
            this.tier = tier;
            this.bundles = bundles;
        }

        @Override
        public LoadedPlugin load(PluginArtifact artifact, byte[] bytes) {
            calls.add(name + " load " + artifact.releaseId().value());
            return new LoadedPlugin(artifact, Map.of(), null, null, tier);
        }

        @Override
        public void unload(LoadedPlugin plugin) {
            calls.add(name + " unload " + plugin.artifact().releaseId().value());
        }

        @Override
        public boolean acceptsSdkRange(String range) {
            return tier == Tier.IN_PROCESS && range.startsWith("[1.");
        }

        @Override
        public String sdkVersion() {
            return name + "-sdk";
        }

        @Override
        public int bundleCount() {
            return bundles;
        }

        @Override
        public boolean mayRunUncertified() {
            return true;
        }

        @Override
        public String walls() {
            return "none";
        }

        @Override
        public int workerCount() {
            return 0;
        }
    }
}

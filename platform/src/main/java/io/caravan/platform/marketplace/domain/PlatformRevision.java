package io.caravan.platform.marketplace.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A named counter the nodes poll to learn that shared state changed (docs/architecture.md, decision 10). */
@Entity
@Table(name = "platform_revisions")
public class PlatformRevision {
    @Id
    private String name;

    @Column(nullable = false)
    private long revision;

    protected PlatformRevision() {}

    public long revision() {
        return revision;
    }
}

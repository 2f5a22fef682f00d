package io.caravan.platform.tenancy.domain;

import io.caravan.platform.shared.domain.Page;
import io.caravan.platform.shared.domain.PageRequest;

/** The audit trail of one store, newest first. */
public interface AuditLog {
    void record(String storeId, AuditEntry entry);

    Page<AuditEntry> list(String storeId, PageRequest page);
}

package io.caravan.platform.marketplace.infrastructure;

import io.caravan.platform.marketplace.domain.AnswerRule;
import io.caravan.platform.marketplace.domain.AnsweringRule;
import io.caravan.platform.marketplace.domain.AnsweringRuleRepository;
import io.caravan.platform.shared.domain.StateConflictException;
import io.caravan.platform.shared.persistence.StoreScopedPersistence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class JpaAnsweringRuleRepository implements AnsweringRuleRepository {
    @Inject
    StoreScopedPersistence persistence;

    @Override
    public List<AnsweringRule> list(String storeId) {
        return persistence
                .forStore(storeId)
                .createQuery("select r from AnsweringRule r order by r.point, r.position", AnsweringRule.class)
                .getResultList();
    }

    @Override
    public List<AnsweringRule> forPoint(String storeId, String point) {
        return persistence
                .forStore(storeId)
                .createQuery(
                        "select r from AnsweringRule r where r.point = :point order by r.position", AnsweringRule.class)
                .setParameter("point", point)
                .getResultList();
    }

    @Override
    public void replace(String storeId, String point, List<AnswerRule> rules, Instant now) {
        EntityManager em = persistence.forStore(storeId);
        try {
            for (AnsweringRule old : forPoint(storeId, point)) {
                em.remove(old);
            }
            // EclipseLink writes inserts before deletes; the old positions must be gone first
            em.flush();
            for (int i = 0; i < rules.size(); i++) {
                em.persist(new AnsweringRule(point, i, rules.get(i), now));
            }
            em.flush();
        } catch (PersistenceException e) {
            // the unique (store, point, position): another change of this point committed in between
            throw new StateConflictException(
                    "the rules for " + point + " were changed by another request at the same time; reload and retry");
        }
    }
}

package io.caravan.platform.tenancy.application;

import io.caravan.platform.tenancy.domain.ApiKeyScope;
import io.caravan.platform.tenancy.domain.StoreRole;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call an endpoint. Every resource method must carry one (on the method or its class): the
 * request gate refuses any endpoint without it, so a forgotten rule fails closed. Lives in tenancy's
 * application package so that every context's api can declare its rules; {@link RequestGate} applies
 * them.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Access {
    Audience value();

    /** For {@link Audience#STORE}: the least store role a signed-in member needs. */
    StoreRole storeRole() default StoreRole.STAFF;

    /** For {@link Audience#STORE}: the scope a store API key needs; none means API keys are refused. */
    ApiKeyScope[] apiKeyScope() default {};

    enum Audience {
        /** Anyone, no credentials. */
        PUBLIC,
        /** Any signed-in user. */
        AUTHENTICATED,
        /** Realm role platform-admin. */
        PLATFORM_ADMIN,
        /** Realm role plugin-developer. */
        PLUGIN_DEVELOPER,
        /** A member of the store in the {@code {store}} path parameter, or one of its API keys. */
        STORE
    }
}

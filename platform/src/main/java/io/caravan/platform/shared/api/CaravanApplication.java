package io.caravan.platform.shared.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/** Caravan's REST API, under /api. Bearer tokens come from Keycloak and are validated by mpJwt. */
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT", realmName = "caravan")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Caravan API",
                        version = "0.1",
                        description = "Multi-tenant plugin marketplace for cross-border stores. Errors are RFC 9457 "
                                + "problem documents (application/problem+json)."),
        security = {@SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "apiKey")})
@SecuritySchemes({
    @SecurityScheme(
            securitySchemeName = "bearer",
            type = SecuritySchemeType.HTTP,
            scheme = "bearer",
            bearerFormat = "JWT",
            description = "Access token from the Caravan Keycloak realm"),
    @SecurityScheme(
            securitySchemeName = "apiKey",
            type = SecuritySchemeType.APIKEY,
            in = SecuritySchemeIn.HEADER,
            apiKeyName = "X-Caravan-Api-Key",
            description = "Store API key (storefront and server-to-server calls)")
})
public class CaravanApplication extends Application {}

package io.caravan.platform.it.support;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An integration test against the platform WAR deployed on a real Liberty, called over HTTP as a
 * client would (tokens from the real Keycloak).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class PlatformIT {
    @ArquillianResource
    protected URL base;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.platform();
    }

    /** The API without credentials. */
    protected Api anonymous() {
        return Api.anonymous(base);
    }

    /** The API as the demo platform admin {@code ada}. */
    protected Api admin() {
        return anonymous().withToken(Stores.demoToken("ada"));
    }
}

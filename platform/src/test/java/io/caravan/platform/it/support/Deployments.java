package io.caravan.platform.it.support;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The platform WAR exactly as the build packaged it. */
public final class Deployments {
    private Deployments() {}

    public static WebArchive platform() {
        File war = new File(System.getProperty("caravan.it.war", "target/caravan.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(
                    "The platform WAR is missing at " + war + "; run the build's package phase first");
        }
        // A name other than caravan.war: server.xml's own webApplication is called caravan.
        return ShrinkWrap.create(ZipImporter.class, "caravan-it.war")
                .importFrom(war)
                .as(WebArchive.class);
    }
}

package io.caravan.platform.marketplace.application;

import io.caravan.platform.shared.domain.StateConflictException;
import io.caravan.sdk.plugin.Permissions;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a merchant agreed a plugin may do: the hosts it may call, the order events it receives and
 * the personal data it reads. Installing needs consent to everything the version declares; an
 * upgrade that asks for more needs consent again.
 */
public record Consent(Set<String> egressHosts, Set<String> events, Set<String> data) {
    public Consent {
        egressHosts = Set.copyOf(egressHosts == null ? Set.of() : egressHosts);
        events = Set.copyOf(events == null ? Set.of() : events);
        data = Set.copyOf(data == null ? Set.of() : data);
    }

    public static Consent to(Permissions permissions) {
        return new Consent(permissions.egressHosts(), names(permissions.events()), names(permissions.data()));
    }

    private static Set<String> names(Collection<? extends Enum<?>> values) {
        Set<String> names = new TreeSet<>();
        values.forEach(v -> names.add(v.name()));
        return names;
    }

    public Consent plus(Consent other) {
        Set<String> hosts = new TreeSet<>(egressHosts);
        hosts.addAll(other.egressHosts);
        Set<String> ev = new TreeSet<>(events);
        ev.addAll(other.events);
        Set<String> d = new TreeSet<>(data);
        d.addAll(other.data);
        return new Consent(hosts, ev, d);
    }

    /** What {@code permissions} asks for beyond this consent (empty: covered). */
    public Consent missing(Permissions permissions) {
        Consent asked = to(permissions);
        Set<String> hosts = new TreeSet<>(asked.egressHosts);
        hosts.removeAll(egressHosts);
        Set<String> ev = new TreeSet<>(asked.events);
        ev.removeAll(events);
        Set<String> d = new TreeSet<>(asked.data);
        d.removeAll(data);
        return new Consent(hosts, ev, d);
    }

    public boolean isEmpty() {
        return egressHosts.isEmpty() && events.isEmpty() && data.isEmpty();
    }

    /** Refuses unless this consent covers everything the version declares. */
    public void requireCovers(Permissions permissions, String what) {
        Consent missing = missing(permissions);
        if (!missing.isEmpty()) {
            throw new StateConflictException(what + " needs your consent to " + missing.describe()
                    + "; send it in \"consent\" (see the listing's permissions)");
        }
    }

    public String describe() {
        StringBuilder b = new StringBuilder();
        if (!egressHosts.isEmpty()) {
            b.append("calling ").append(new TreeSet<>(egressHosts));
        }
        if (!events.isEmpty()) {
            b.append(b.isEmpty() ? "" : ", ").append("receiving order events ").append(new TreeSet<>(events));
        }
        if (!data.isEmpty()) {
            b.append(b.isEmpty() ? "" : ", ").append("reading ").append(new TreeSet<>(data));
        }
        return b.toString();
    }

    public String toJson() {
        return Json.createObjectBuilder()
                .add("egressHosts", array(egressHosts))
                .add("events", array(events))
                .add("data", array(data))
                .build()
                .toString();
    }

    public static Consent fromJson(String json) {
        if (json == null) {
            return new Consent(Set.of(), Set.of(), Set.of());
        }
        JsonObject o;
        try (var reader = Json.createReader(new StringReader(json))) {
            o = reader.readObject();
        }
        return new Consent(strings(o, "egressHosts"), strings(o, "events"), strings(o, "data"));
    }

    private static Set<String> strings(JsonObject o, String name) {
        Set<String> values = new TreeSet<>();
        if (o.containsKey(name)) {
            o.getJsonArray(name).getValuesAs(JsonString.class).forEach(s -> values.add(s.getString()));
        }
        return values;
    }

    private static JsonArrayBuilder array(Set<String> values) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        new TreeSet<>(values).forEach(a::add);
        return a;
    }
}

package io.caravan.platform.shared.domain;

import java.net.IDN;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule for an e-mail address Caravan accepts (store owners, staff, listing support,
 * shoppers). Bean Validation's {@code @Email} (Hibernate Validator) and Jakarta Mail's {@code
 * InternetAddress} both accept {@code a@b}, a host no mail can reach; this is what an address must
 * be here (README, "Errors"):
 *
 * <ul>
 *   <li>at most 254 characters, one {@code @};
 *   <li>local part: 1–64 characters, RFC 5322 dot-atom (letters, digits and {@code
 *       !#$%&'*+/=?^_`{|}~-}, dots between them, never first, last or twice in a row) — no quoted
 *       local parts;
 *   <li>domain: at least two labels, each 1–63 letters, digits or hyphens, not starting or ending
 *       with a hyphen; the last one letters only (2 or more) or an {@code xn--} label. A domain in
 *       Unicode is checked in its ASCII (IDNA) form. No IP literals.
 * </ul>
 */
public final class EmailAddresses {
    private static final Pattern LOCAL =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern TOP = Pattern.compile("[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59}");

    private EmailAddresses() {}

    /** What is wrong with {@code address}, or empty when it is an address Caravan accepts. */
    public static Optional<String> problem(String address) {
        if (address == null || address.isEmpty()) {
            return Optional.of("must be an e-mail address");
        }
        if (address.length() > 254) {
            return Optional.of("must be an e-mail address of at most 254 characters");
        }
        int at = address.lastIndexOf('@');
        if (at <= 0 || address.indexOf('@') != at || at == address.length() - 1) {
            return Optional.of("must be an e-mail address such as name@example.com");
        }
        String local = address.substring(0, at);
        if (local.length() > 64 || !LOCAL.matcher(local).matches()) {
            return Optional.of(
                    "must be an e-mail address: the part before @ has characters or dots an address" + " cannot have");
        }
        String domain;
        try {
            domain = IDN.toASCII(address.substring(at + 1), 0);
        } catch (IllegalArgumentException e) {
            return Optional.of("must be an e-mail address: its domain is not a host name");
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return Optional.of("must be an e-mail address whose domain has a dot, such as example.com");
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.of("must be an e-mail address: its domain is not a host name");
            }
        }
        if (!TOP.matcher(labels[labels.length - 1]).matches()) {
            return Optional.of("must be an e-mail address: its domain does not end in a top-level domain");
        }
        return Optional.empty();
    }

    public static boolean valid(String address) {
        return problem(address).isEmpty();
    }
}

package io.caravan.platform.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailAddressesTest {
    @Test
    void real_addresses_pass() {
        assertThat(EmailAddresses.valid("mara@lisbon-ceramics.example")).isTrue();
        assertThat(EmailAddresses.valid("first.last+tag@mail.example.co.uk")).isTrue();
        assertThat(EmailAddresses.valid("o'brien@example.ie")).isTrue();
        assertThat(EmailAddresses.valid("ana@müller.de"))
                .as("a Unicode domain, checked as IDNA")
                .isTrue();
        assertThat(EmailAddresses.valid("x@xn--mller-kva.de")).isTrue();
    }

    @Test
    void what_no_mail_can_reach_is_refused() {
        assertThat(EmailAddresses.problem("a@b"))
                .hasValueSatisfying(p -> assertThat(p).contains("dot"));
        assertThat(EmailAddresses.valid("a@b.c"))
                .as("one-letter top-level domain")
                .isFalse();
        assertThat(EmailAddresses.valid("a@b.123")).isFalse();
        assertThat(EmailAddresses.valid("a@@b.com")).isFalse();
        assertThat(EmailAddresses.valid("a@b@c.com")).isFalse();
        assertThat(EmailAddresses.valid(".a@b.com")).isFalse();
        assertThat(EmailAddresses.valid("a..b@b.com")).isFalse();
        assertThat(EmailAddresses.valid("a b@b.com")).isFalse();
        assertThat(EmailAddresses.valid("\"a\"@b.com")).isFalse();
        assertThat(EmailAddresses.valid("a@-b.com")).isFalse();
        assertThat(EmailAddresses.valid("a@b..com")).isFalse();
        assertThat(EmailAddresses.valid("a@[127.0.0.1]")).isFalse();
        assertThat(EmailAddresses.valid("a@b.com\n")).isFalse();
        assertThat(EmailAddresses.valid("x".repeat(65) + "@b.com")).isFalse();
        assertThat(EmailAddresses.valid("a@" + "b".repeat(250) + ".com")).isFalse();
        assertThat(EmailAddresses.valid("")).isFalse();
        assertThat(EmailAddresses.valid(null)).isFalse();
    }
}

package io.caravan.platform.marketplace.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EndAnchoredPatternsTest {
    private static boolean matches(String pattern, String value) {
        return EndAnchoredPatterns.INSTANCE.getRegularExpression(pattern).matches(value);
    }

    @Test
    void the_end_anchor_does_not_match_before_a_final_newline() {
        assertThat(matches("^[A-Z]{2}$", "PT")).isTrue();
        assertThat(matches("^[A-Z]{2}$", "PT\n")).isFalse();
        assertThat(matches("^IM[0-9]{10}$", "IM3720000001\n")).isFalse();
        assertThat(matches("^IM[0-9]{10}$", "IM3720000001\r\n")).isFalse();
        assertThat(matches("^IM[0-9]{10}$", "IM3720000001")).isTrue();
    }

    @Test
    void a_dollar_escaped_or_in_a_class_stays_a_dollar() {
        assertThat(EndAnchoredPatterns.toJava("^a\\$[$]b$")).isEqualTo("^a\\$[$]b\\z");
        assertThat(EndAnchoredPatterns.toJava("[]$]x$")).isEqualTo("[]$]x\\z");
        assertThat(EndAnchoredPatterns.toJava("[^]$]x$")).isEqualTo("[^]$]x\\z");
        assertThat(matches("^US\\$$", "US$")).isTrue();
        assertThat(matches("^US\\$$", "US$\n")).isFalse();
    }

    @Test
    void unanchored_patterns_still_search() {
        assertThat(matches("[0-9]", "abc1")).isTrue();
        assertThat(matches("b|c$", "ab\n")).isTrue();
    }
}

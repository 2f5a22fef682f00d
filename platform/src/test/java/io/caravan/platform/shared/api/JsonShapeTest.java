package io.caravan.platform.shared.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravan.runtime.StrictJson;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonShapeTest {
    enum Display {
        GROSS,
        NET
    }

    record Line(String sku, Integer quantity, Long unitPrice, long weight) {}

    record Cart(
            String name,
            List<Line> lines,
            List<String> tags,
            Map<String, Long> prices,
            Display display,
            Boolean gift,
            JsonObject extra) {}

    private static List<Problem.FieldError> errors(String json) {
        return JsonShape.check(StrictJson.read(json), Cart.class).errors();
    }

    @Test
    void numbers_past_their_java_type_or_with_a_fraction_are_refused_never_wrapped_or_truncated() {
        assertThat(errors("""
                {"lines":[{"sku":"A","quantity":4294967297,"unitPrice":18446744073709551617,"weight":1},
                          {"sku":"B","quantity":1,"unitPrice":12.99,"weight":-1e400}]}"""))
                .containsExactly(
                        new Problem.FieldError(
                                "lines[0].quantity", "must be a whole number from -2147483648 to 2147483647"),
                        new Problem.FieldError(
                                "lines[0].unitPrice",
                                "must be a whole number from -9223372036854775808 to 9223372036854775807"),
                        new Problem.FieldError(
                                "lines[1].unitPrice",
                                "must be a whole number from -9223372036854775808 to 9223372036854775807"),
                        new Problem.FieldError(
                                "lines[1].weight",
                                "must be a whole number from -9223372036854775808 to 9223372036854775807"));
    }

    @Test
    void whole_numbers_in_any_notation_and_the_bounds_themselves_pass() {
        assertThat(errors("""
                {"lines":[{"sku":"A","quantity":2147483647,"unitPrice":-9223372036854775808,"weight":1.0},
                          {"sku":"B","quantity":1E2,"unitPrice":0,"weight":12e0}]}""")).isEmpty();
    }

    @Test
    void wrong_types_nulls_in_lists_and_unknown_constants_are_each_named() {
        assertThat(errors("""
                {"name":12,"lines":{"sku":"A"},"tags":["a",null,3],"prices":{"EUR":"10","USD":null},
                 "display":"SIDEWAYS","gift":"yes","extra":{"any":[1.5]}}"""))
                .extracting(Problem.FieldError::field)
                .containsExactly(
                        "name", "lines", "tags[1]", "tags[2]", "prices[EUR]", "prices[USD]", "display", "gift");
    }

    @Test
    void a_primitive_cannot_be_null_and_what_is_refused_is_left_out_of_the_bindable_document() {
        JsonShape.Result result = JsonShape.check(
                StrictJson.read("{\"lines\":[{\"sku\":\"A\",\"quantity\":1.5,\"weight\":null}]}"), Cart.class);
        assertThat(result.errors())
                .extracting(Problem.FieldError::field)
                .containsExactly("lines[0].quantity", "lines[0].weight");
        assertThat(result.bindable().toString()).isEqualTo("{\"lines\":[{\"sku\":\"A\"}]}");
    }

    @Test
    void a_body_of_the_wrong_kind_is_named_body() {
        assertThat(errors("[1,2]")).containsExactly(new Problem.FieldError("body", "must be an object"));
    }

    @Test
    void the_nul_character_is_refused_in_text_and_map_keys() {
        assertThat(errors("{\"name\":\"a\\u0000b\",\"prices\":{\"E\\u0000\":1},\"tags\":[\"ok\",\"\\u0000\"]}"))
                .extracting(Problem.FieldError::field)
                .containsExactly("name", "prices[E\\u0000]", "tags[1]");
    }
}

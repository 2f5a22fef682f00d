package io.caravan.platform.catalog.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
    static List<List<String>> read(String text, int max) throws Exception {
        CsvReader reader = new CsvReader(new StringReader(text), max);
        List<List<String>> records = new ArrayList<>();
        List<String> record;
        while ((record = reader.next()) != null) {
            records.add(record);
        }
        return records;
    }

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws Exception {
        assertThat(read("\uFEFFa,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,,\n", 1000))
                .containsExactly(
                        List.of("a", "b", "c"), List.of("x, y", "say \"hi\"", "two\nlines"), List.of("last", "", ""));
    }

    @Test
    void aBlankLineIsAnEmptyRecordAndTheLastLineNeedsNoBreak() throws Exception {
        assertThat(read("a\n\nb", 1000)).containsExactly(List.of("a"), List.of(), List.of("b"));
    }

    @Test
    void refusesARecordLongerThanTheLimit() {
        assertThatThrownBy(() -> read("ok\n" + "x".repeat(50) + "\n", 20))
                .isInstanceOfSatisfying(
                        CsvReader.MalformedCsvException.class,
                        e -> assertThat(e.record()).isEqualTo(2));
    }

    @Test
    void refusesAQuoteLeftOpen() {
        assertThatThrownBy(() -> read("a\n\"open", 1000))
                .isInstanceOf(CsvReader.MalformedCsvException.class)
                .hasMessageContaining("never closed");
    }
}

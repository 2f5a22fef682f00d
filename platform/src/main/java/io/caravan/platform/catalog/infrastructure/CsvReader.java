package io.caravan.platform.catalog.infrastructure;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader: comma-separated fields, double quotes around fields that hold
 * commas, quotes ({@code ""}) or line breaks, CRLF or LF line ends, a UTF-8 byte-order mark
 * skipped. Reads one record at a time and never more than {@code maxRecordChars} of it, so a file
 * of any size is read in constant memory.
 */
public final class CsvReader {
    private final Reader in;
    private final int maxRecordChars;
    private boolean first = true;
    private boolean ended;
    private int pushedBack = -2;
    private long record;

    /** A record longer than the limit, or a quote left open at the end of the input. */
    public static class MalformedCsvException extends Exception {
        private final long record;

        public MalformedCsvException(long record, String message) {
            super(message, null, false, false);
            this.record = record;
        }

        /** The 1-based record (the header is record 1). */
        public long record() {
            return record;
        }
    }

    public CsvReader(Reader in, int maxRecordChars) {
        this.in = in;
        this.maxRecordChars = maxRecordChars;
    }

    /** The next record's fields, or null at the end of the input. A blank line is an empty list. */
    public List<String> next() throws IOException, MalformedCsvException {
        if (ended) {
            return null;
        }
        int c = read();
        if (first) {
            first = false;
            if (c == '\uFEFF') {
                c = read();
            }
        }
        if (c == -1) {
            ended = true;
            return null;
        }
        record++;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int length = 0;
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (++length > maxRecordChars) {
                throw new MalformedCsvException(record, "is longer than " + maxRecordChars + " characters");
            }
            if (quoted) {
                if (c == -1) {
                    throw new MalformedCsvException(record, "has a quoted field that is never closed");
                }
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = d;
                        continue;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n' || c == -1) {
                if (c == '\r') {
                    int d = read();
                    if (d != '\n') {
                        pushedBack = d;
                    }
                }
                if (c == -1) {
                    ended = true;
                }
                if (fields.isEmpty() && field.isEmpty() && !wasQuoted) {
                    return List.of();
                }
                fields.add(field.toString());
                return fields;
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    /** The 1-based number of the record last returned. */
    public long record() {
        return record;
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }
}

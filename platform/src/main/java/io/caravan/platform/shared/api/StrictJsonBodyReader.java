package io.caravan.platform.shared.api;

import io.caravan.runtime.StrictJson;
import jakarta.annotation.Priority;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The one reader of JSON request bodies (docs/architecture.md, "Request bodies"). Every body bound
 * to a Java type goes through {@link StrictJson} (a member named twice, nesting past 64 levels,
 * text that is not UTF-8: refused) and {@link JsonShape} (numbers outside their Java type or with a
 * fraction where a whole number is expected, values of the wrong type, nulls in lists: refused,
 * every one named) before JSON-B binds it, and a body over {@link #MAX_BODY_BYTES} is refused
 * before it is parsed. Liberty's own JSON-B reader would bind such values silently (wrapping,
 * truncating, merging duplicates). Raw bodies ({@code String}, bytes, streams) are left to the
 * resources that verify them as sent (provider notifications, uploads, CSV).
 */
@Provider
@Priority(1)
@Consumes({MediaType.APPLICATION_JSON, "application/*+json", "text/json"})
public class StrictJsonBodyReader implements MessageBodyReader<Object> {
    /** No JSON request body Caravan accepts comes near this; CSV imports and uploads have their own limits. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return !(type == String.class
                || type == byte[].class
                || InputStream.class.isAssignableFrom(type)
                || Reader.class.isAssignableFrom(type)
                || type.getName().startsWith("jakarta.ws.rs.")
                || type.getName().startsWith("java.io."));
    }

    @Override
    public Object readFrom(
            Class<Object> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders,
            InputStream entityStream)
            throws IOException {
        String text = text(entityStream, mediaType);
        if (text.isBlank()) {
            throw ProblemException.invalid("The request needs a JSON body.");
        }
        JsonValue document;
        try {
            document = StrictJson.read(new StringReader(text));
        } catch (JsonException e) {
            throw new ProblemException(
                    ProblemType.MALFORMED_REQUEST, "The request body is not valid JSON: " + firstLine(e.getMessage()));
        }
        JsonShape.Result shape = JsonShape.check(document, genericType == null ? type : genericType);
        if (JsonValue.class.isAssignableFrom(type)) {
            if (!type.isInstance(document)) {
                throw ProblemException.invalid("The request body must be a JSON " + type.getSimpleName() + ".");
            }
            return document;
        }
        if (shape.errors().isEmpty()) {
            return JSONB.fromJson(shape.bindable().toString(), genericType == null ? type : genericType);
        }
        Object partial;
        try {
            partial = shape.bindable().getValueType() == JsonValue.ValueType.NULL
                    ? null
                    : JSONB.fromJson(shape.bindable().toString(), genericType == null ? type : genericType);
        } catch (JsonbException e) {
            partial = null;
        }
        throw new InvalidRequestBodyException(shape.errors(), partial);
    }

    private static String text(InputStream in, MediaType mediaType) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            if (bytes.size() + n > MAX_BODY_BYTES) {
                throw new ProblemException(
                        ProblemType.PAYLOAD_TOO_LARGE,
                        "The request body is larger than " + MAX_BODY_BYTES + " bytes; nothing was read.");
            }
            bytes.write(buffer, 0, n);
        }
        String charset = mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
            throw new ProblemException(
                    ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the request body as application/json in UTF-8.");
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "The request body is not valid UTF-8.");
        }
    }

    private static String firstLine(String message) {
        String line = message == null
                ? "is not valid JSON."
                : message.lines().findFirst().orElse(message);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}

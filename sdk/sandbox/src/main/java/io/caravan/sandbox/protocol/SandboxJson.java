package io.caravan.sandbox.protocol;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.caravan.sdk.plugin.ExtensionPoint;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;

/**
 * The protocol's JSON mapping of SDK values (Jackson): records through their components and
 * canonical constructors — so a value read here has passed the SDK's own checks — enums by name,
 * {@code Currency} by code, {@code java.time} values as ISO-8601 text, byte arrays as base64,
 * numbers exact ({@code BigDecimal}, never {@code double}). Unknown properties are refused.
 *
 * <p>Read limits (Jackson's {@link StreamReadConstraints}) keep a hostile worker from answering a
 * number of a million digits or a string that fills the heap: numbers at most
 * {@value #MAX_NUMBER_LENGTH} characters, nesting at most {@value #MAX_NESTING} deep.
 */
public final class SandboxJson {
    /** The longest number accepted, in characters (a {@code long} has 20). */
    public static final int MAX_NUMBER_LENGTH = 60;
    /** The deepest nesting accepted. */
    public static final int MAX_NESTING = 64;

    private static final ObjectMapper MAPPER = create();

    private SandboxJson() {}

    private static ObjectMapper create() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxNestingDepth(MAX_NESTING)
                        .maxStringLength(SandboxProtocol.MAX_FRAME_TO_WORKER / 3 * 4 + 16)
                        .build())
                .build();
        return JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .visibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // 0.10 stays 0.10: a rate's scale is part of the answer (trees strip zeros by default)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
    }

    /**
     * The mapper itself.
     *
     * @return the shared, thread-safe mapper
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * A value as JSON.
     *
     * @param value any SDK value, protocol record or null
     * @return its JSON tree
     */
    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /**
     * A JSON tree as a value of a class.
     *
     * @param <T>  the class
     * @param node the tree
     * @param type the class
     * @return the value
     * @throws IllegalArgumentException if the tree does not describe a valid value (the SDK's own
     *                                  checks included)
     */
    public static <T> T read(JsonNode node, Class<T> type) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("not a valid " + type.getSimpleName() + ": " + reason(e), e);
        }
    }

    /**
     * A JSON tree as a value of a generic type (a method's parameter or return type).
     *
     * @param node the tree
     * @param type the type
     * @return the value
     * @throws IllegalArgumentException if the tree does not describe a valid value
     */
    public static Object read(JsonNode node, Type type) {
        JavaType javaType = MAPPER.getTypeFactory().constructType(type);
        try {
            return MAPPER.treeToValue(node, javaType);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("not a valid " + javaType.toCanonical() + ": " + reason(e), e);
        }
    }

    /**
     * Builds, ahead of the first call, the readers and writers of every value a point's methods
     * take and answer, and of the protocol's own messages. Jackson builds a type's (de)serialiser on
     * first use by introspecting it, which in a JVM that has run little costs a large part of a
     * call's deadline; a worker does this while it loads a bundle and the platform while it loads a
     * version, where only the start timeout counts.
     *
     * @param point the point whose method types to prepare
     */
    public static void prepare(ExtensionPoint point) {
        for (Class<?> message : new Class<?>[] {
            Envelope.class,
            Call.class,
            CallContext.class,
            Answer.class,
            Refused.class,
            Failed.class,
            Log.class,
            Callback.class,
            CallbackResult.class
        }) {
            prefetch(message);
        }
        for (Method method : ExtensionMethods.interfaceOf(point).getMethods()) {
            if (!Modifier.isAbstract(method.getModifiers())) {
                continue;
            }
            Type[] parameters = method.getGenericParameterTypes();
            for (int i = 1; i < parameters.length; i++) {
                prefetch(parameters[i]);
            }
            if (method.getReturnType() != void.class) {
                prefetch(method.getGenericReturnType());
            }
        }
    }

    private static void prefetch(Type type) {
        JavaType javaType = MAPPER.getTypeFactory().constructType(type);
        try {
            // both build and cache the root (de)serialiser: EAGER_*_FETCH are Jackson's defaults
            MAPPER.readerFor(javaType);
            MAPPER.writerFor(javaType);
        } catch (RuntimeException e) {
            // a type Jackson cannot map fails its first real call with the real error instead
        }
    }

    /**
     * Serialises an envelope.
     *
     * @param envelope the envelope
     * @return its UTF-8 JSON
     */
    public static byte[] bytes(Envelope envelope) {
        try {
            return MAPPER.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot serialise " + envelope.type() + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads an envelope.
     *
     * @param bytes UTF-8 JSON
     * @return the envelope
     * @throws IOException if it is not one
     */
    public static Envelope envelope(byte[] bytes) throws IOException {
        return MAPPER.readValue(bytes, Envelope.class);
    }

    /** The innermost message, without Jackson's location noise. */
    private static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t instanceof JsonProcessingException j ? j.getOriginalMessage() : t.getMessage();
        if (message == null) {
            message = t.getClass().getSimpleName();
        }
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }
}

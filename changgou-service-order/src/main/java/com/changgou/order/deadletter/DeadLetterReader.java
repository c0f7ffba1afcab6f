package com.changgou.order.deadletter;

import com.changgou.order.api.ops.DeadLetterState;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.retry.RepublishMessageRecoverer;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a message off a dead-letter queue into the row that parks it, leniently: whatever the body is
 * (not JSON, not UTF-8, too long), a row comes out. The message id, type and order id are taken from
 * the message's properties or its JSON body when they are there; the reason from the x-exception-*
 * headers the recoverer added, else from the broker's x-death.
 */
@Component
class DeadLetterReader {

    /** Left out of the stored headers: bulky, and the reason says why in a line. */
    private static final List<String> NOT_KEPT = List.of(RepublishMessageRecoverer.X_EXCEPTION_STACKTRACE);
    /** One header value is kept up to this many characters. */
    private static final int MAX_HEADER_VALUE = 1000;
    private static final int MAX_ID = 128;
    private static final int MAX_TYPE = 64;
    private static final int MAX_ORDER_ID = 32;

    private final JsonMapper json;
    private final DeadLetterProperties properties;

    DeadLetterReader(JsonMapper json, DeadLetterProperties properties) {
        this.json = json;
        this.properties = properties;
    }

    DeadLetterRow read(Message message, Instant now) {
        MessageProperties props = message.getMessageProperties();
        byte[] bytes = message.getBody() == null ? new byte[0] : message.getBody();
        JsonNode body = tree(bytes);
        String messageId = bounded(first(props.getMessageId(), field(body, "messageId")), MAX_ID);
        String dedupKey = messageId != null ? "id:" + messageId : "sha256:" + sha256(bytes);
        String text = text(bytes, props.getContentEncoding());
        boolean truncated = text.length() > properties.bodyLimit();
        return new DeadLetterRow(null, props.getConsumerQueue(), dedupKey, messageId,
                bounded(first(field(body, "type"), props.getType()), MAX_TYPE),
                bounded(field(body, "orderId"), MAX_ORDER_ID), reason(props),
                truncated ? text.substring(0, properties.bodyLimit()) : text, truncated, props.getContentType(),
                props.getContentEncoding(), headers(props), DeadLetterState.OPEN, 0, now, null, null, null);
    }

    private String reason(MessageProperties props) {
        Object message = props.getHeaders().get(RepublishMessageRecoverer.X_EXCEPTION_MESSAGE);
        if (message != null) {
            return DeadReasons.bounded(message.toString());
        }
        List<Map<String, ?>> deaths = props.getXDeathHeader();
        if (deaths != null && !deaths.isEmpty()) {
            Map<String, ?> last = deaths.get(0);
            return DeadReasons.bounded("dead-lettered by the broker (%s) from queue %s; no reason was recorded"
                    .formatted(last.get("reason"), last.get("queue")));
        }
        return "no reason was recorded";
    }

    /** String values only, bounded each and all together: enough to rebuild the message for a re-drive. */
    private String headers(MessageProperties props) {
        Map<String, String> kept = new LinkedHashMap<>();
        props.getHeaders().forEach((name, value) -> {
            if (value != null && !NOT_KEPT.contains(name)) {
                kept.put(name, bounded(String.valueOf(value), MAX_HEADER_VALUE));
            }
        });
        String written = json.writeValueAsString(kept);
        while (written.length() > properties.headersLimit() && !kept.isEmpty()) {
            kept.remove(kept.keySet().iterator().next());
            written = json.writeValueAsString(kept);
        }
        return written;
    }

    private JsonNode tree(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (JacksonException notJson) {
            return null;
        }
    }

    private static String field(JsonNode body, String name) {
        if (body == null || !body.isObject()) {
            return null;
        }
        JsonNode value = body.get(name);
        return value != null && value.isValueNode() && !value.isNull() ? value.asString() : null;
    }

    /** In the message's encoding when it names one this JVM knows, else UTF-8; undecodable bytes show as replacements. */
    private static String text(byte[] bytes, String encoding) {
        Charset charset = StandardCharsets.UTF_8;
        if (encoding != null) {
            try {
                charset = Charset.forName(encoding);
            } catch (IllegalArgumentException unknown) {
                // UTF-8 shows most of it; the hash still tells such bodies apart
            }
        }
        return new String(bytes, charset);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : null;
    }

    private static String bounded(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}

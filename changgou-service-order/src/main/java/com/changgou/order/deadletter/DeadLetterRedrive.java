package com.changgou.order.deadletter;

import com.changgou.order.actions.OperatorAction;
import com.changgou.order.actions.OperatorActions;
import com.changgou.order.api.ops.DeadLetterState;
import com.changgou.order.messaging.PayResultListener;
import com.changgou.order.messaging.Poison;
import com.changgou.order.messaging.RabbitNames;
import com.changgou.order.messaging.RefundResultListener;
import com.changgou.pay.api.message.PayResultMessage;
import com.changgou.pay.api.message.RefundResultMessage;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.support.converter.MessageConversionException;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * An operator's re-drive: the parked message is converted as its listener would have converted it and
 * applied through that listener's own path (the same completeness checks, then the order's
 * {@code markPaid} or the refund result path), in one transaction with the move to REDRIVEN and its
 * action row. Nothing is published: the order service may not write {@code order.pay}. When the
 * consumer rejects it again, that transaction rolls back, and a second one counts the attempt, keeps the
 * new reason and records the action as rejected again; the dead letter stays OPEN.
 */
@Service
public class DeadLetterRedrive {

    private final DeadLetters deadLetters;
    private final DeadLetterMapper mapper;
    private final OperatorActions actions;
    private final PayResultListener payResults;
    private final RefundResultListener refundResults;
    private final RabbitNames names;
    private final MessageConverter converter;
    private final JsonMapper json;
    private final TransactionTemplate transaction;

    DeadLetterRedrive(DeadLetters deadLetters, DeadLetterMapper mapper, OperatorActions actions,
            PayResultListener payResults, RefundResultListener refundResults, RabbitNames names,
            MessageConverter converter, JsonMapper json, PlatformTransactionManager transactions) {
        this.deadLetters = deadLetters;
        this.mapper = mapper;
        this.actions = actions;
        this.payResults = payResults;
        this.refundResults = refundResults;
        this.names = names;
        this.converter = converter;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
        // as the refund result path reads: the sums it settles an order by are the latest under its locks
        this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /**
     * @throws DeadLetterNotFoundException when there is no such dead letter
     * @throws DeadLetterDecidedException  when it is not OPEN
     */
    public RedriveAnswer redrive(long id, String operator, String reason) {
        try {
            return transaction.execute(status -> apply(id, operator, reason));
        } catch (RuntimeException e) {
            if (!Poison.is(e)) {
                throw e;
            }
            String why = DeadReasons.describe(e);
            return transaction.execute(status -> rejectedAgain(id, operator, reason, why));
        }
    }

    private RedriveAnswer apply(long id, String operator, String reason) {
        DeadLetterRow row = deadLetters.lockOpen(id, DeadLetterState.REDRIVEN);
        String outcome = "applied: " + consume(row);
        deadLetters.decide(row, DeadLetterState.REDRIVEN, operator, reason);
        actions.record(operator, OperatorAction.REDRIVE, DeadLetters.subject(id), row.orderId(), reason, outcome);
        return new RedriveAnswer(DeadLetters.view(mapper.findById(id)), true, outcome);
    }

    private RedriveAnswer rejectedAgain(long id, String operator, String reason, String why) {
        DeadLetterRow row = deadLetters.lockOpen(id, DeadLetterState.REDRIVEN);
        if (mapper.rejectedAgain(id, row.state(), why) != 1) {
            throw new IllegalStateException("dead letter %d moved under its lock".formatted(id));
        }
        String outcome = "rejected again: " + why;
        actions.record(operator, OperatorAction.REDRIVE, DeadLetters.subject(id), row.orderId(), reason, outcome);
        return new RedriveAnswer(DeadLetters.view(mapper.findById(id)), false, outcome + "; it stays OPEN");
    }

    /** Through the listener of the queue it died on; what it came to, in a word. */
    private String consume(DeadLetterRow row) {
        if (row.queue().equals(names.deadLetterQueue())) {
            return payResults.apply(convert(row, PayResultMessage.class)).name();
        }
        if (row.queue().equals(names.refundDeadLetterQueue())) {
            return refundResults.apply(convert(row, RefundResultMessage.class)).name();
        }
        throw new MessageConversionException("no consumer here takes messages from " + row.queue());
    }

    /** As the listener's converter would: the stored body, content type, encoding and headers, the listener's type. */
    @SuppressWarnings("unchecked")
    private <T> T convert(DeadLetterRow row, Class<T> type) {
        if (row.bodyTruncated()) {
            throw new MessageConversionException("the body was cut when it was parked; it cannot be applied");
        }
        MessageProperties properties = new MessageProperties();
        properties.setContentType(row.contentType());
        // stored as text, so given back as UTF-8 whatever it came in
        properties.setContentEncoding(StandardCharsets.UTF_8.name());
        properties.setMessageId(row.messageId());
        headers(row).forEach(properties::setHeader);
        properties.setInferredArgumentType((Type) type);
        Object converted = converter.fromMessage(new Message(row.body().getBytes(StandardCharsets.UTF_8), properties));
        if (!type.isInstance(converted)) {
            throw new MessageConversionException("the body is not a %s (content type %s)"
                    .formatted(type.getSimpleName(), row.contentType()));
        }
        return (T) converted;
    }

    private Map<String, String> headers(DeadLetterRow row) {
        if (row.headers() == null) {
            return Map.of();
        }
        try {
            return json.readValue(row.headers(), new TypeReference<Map<String, String>>() { });
        } catch (JacksonException unreadable) {
            return Map.of();
        }
    }
}

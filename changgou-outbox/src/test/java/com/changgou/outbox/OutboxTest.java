package com.changgou.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.apache.ibatis.scripting.xmltags.DynamicSqlSource;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** Appending: only inside a transaction, kept or dropped with it, published after it as written. */
class OutboxTest extends OutboxIntegrationTest {

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate tx;

    /**
     * Most changes announce one message: it is written by the insert that has no tag, which MyBatis parsed once at
     * start-up; several are written in one statement, which MyBatis builds and parses on every append.
     */
    @Test
    void oneMessageIsWrittenByAStatementParsedOnceSeveralByOneStatement(@Autowired SqlSessionFactory sessions,
            @Autowired MapperCalls calls) {
        String alone = newId("alone");
        String first = newId("first");
        String second = newId("second");

        tx.executeWithoutResult(status -> outbox.append(List.of(message(alone))));
        tx.executeWithoutResult(status -> outbox.append(List.of(message(first), message(second))));

        assertThat(calls.insertedBy(alone)).isEqualTo("insert");
        assertThat(sessions.getConfiguration().getMappedStatement(OutboxMapper.class.getName() + ".insert")
                .getSqlSource()).isNotInstanceOf(DynamicSqlSource.class);
        assertThat(List.of(calls.insertedBy(first), calls.insertedBy(second))).containsOnly("insertAll");
        assertThat(List.of(count(alone), count(first), count(second))).containsOnly(1);
    }

    @Test
    void appendingOutsideATransactionIsRefusedAndWritesNothing() {
        String id = newId("no-tx");

        assertThatThrownBy(() -> outbox.append(List.of(message(id))))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(count(id)).isZero();
    }

    @Test
    void aMessageOfATransactionThatRolledBackIsNeverWrittenNorSent() {
        String queue = boundQueue();
        String id = newId("rolled-back");

        tx.executeWithoutResult(status -> {
            outbox.append(List.of(message(id)));
            status.setRollbackOnly();
        });

        assertThat(count(id)).isZero();
        assertThat(drain(queue, Duration.ofSeconds(1))).noneMatch(m -> id.equals(m.getMessageProperties().getMessageId()));
    }

    @Test
    void aCommittedMessageLeavesPersistentAsJsonWithItsIdAndTypeAndIsMarkedSent() {
        String queue = boundQueue();
        String id = newId("committed");

        tx.executeWithoutResult(status -> outbox.append(List.of(message(id))));

        Message received = awaitMessage(queue, id);
        assertThat(new String(received.getBody())).isEqualTo("{\"messageId\":\"%s\"}".formatted(id));
        MessageProperties properties = received.getMessageProperties();
        assertThat(properties.getType()).isEqualTo("test");
        assertThat(properties.getContentType()).isEqualTo(MessageProperties.CONTENT_TYPE_JSON);
        assertThat(properties.getReceivedDeliveryMode()).isEqualTo(MessageDeliveryMode.PERSISTENT);
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(row(id).get("state")));
    }

    @Test
    void theSameMessageIdTwiceFailsTheTransaction() {
        String id = newId("twice");
        tx.executeWithoutResult(status -> outbox.append(List.of(message(id))));

        assertThatThrownBy(() -> tx.executeWithoutResult(status -> outbox.append(List.of(message(id)))))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(count(id)).isOne();
    }

    private int count(String id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM mq_message WHERE id = ?", Integer.class, id);
    }
}

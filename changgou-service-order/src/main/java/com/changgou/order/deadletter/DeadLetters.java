package com.changgou.order.deadletter;

import com.changgou.order.actions.OperatorAction;
import com.changgou.order.actions.OperatorActions;
import com.changgou.order.api.ops.DeadLetterState;
import com.changgou.order.api.ops.DeadLetterView;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The parked dead letters: storing one once however often it is delivered, listing them, and an
 * operator's discard (a conditional update and its action row in one transaction). Re-drives are
 * {@link DeadLetterRedrive}'s.
 */
@Service
public class DeadLetters {

    private static final int LISTED = 100;

    private final DeadLetterMapper mapper;
    private final OperatorActions actions;
    private final Clock clock;

    DeadLetters(DeadLetterMapper mapper, OperatorActions actions, Clock clock) {
        this.mapper = mapper;
        this.actions = actions;
        this.clock = clock;
    }

    /** Stores the dead letter; false when it was stored before (a redelivery). */
    @Transactional
    public boolean park(DeadLetterRow row) {
        return mapper.insertIgnoringDuplicate(row) == 1;
    }

    /** In {@code state} (OPEN when null), newest first, at most 100. */
    @Transactional(readOnly = true)
    public List<DeadLetterView> inState(DeadLetterState state) {
        return mapper.findByState(state == null ? DeadLetterState.OPEN : state, LISTED).stream()
                .map(DeadLetters::view).toList();
    }

    /** Those naming the order, oldest first. */
    @Transactional(readOnly = true)
    public List<DeadLetterView> ofOrder(String orderId) {
        return mapper.findByOrder(orderId).stream().map(DeadLetters::view).toList();
    }

    @Transactional(readOnly = true)
    public long countOpen() {
        return mapper.countByState(DeadLetterState.OPEN);
    }

    /**
     * OPEN → DISCARDED by {@code operator}, for {@code reason}.
     *
     * @throws DeadLetterNotFoundException when there is no such dead letter
     * @throws DeadLetterDecidedException  when it is not OPEN
     */
    @Transactional
    public DeadLetterView discard(long id, String operator, String reason) {
        DeadLetterRow row = lockOpen(id, DeadLetterState.DISCARDED);
        decide(row, DeadLetterState.DISCARDED, operator, reason);
        actions.record(operator, OperatorAction.DISCARD, subject(id), row.orderId(), reason, "discarded");
        return view(mapper.findById(id));
    }

    /** The row, locked, when it may move to {@code next}. */
    DeadLetterRow lockOpen(long id, DeadLetterState next) {
        DeadLetterRow row = mapper.findByIdForUpdate(id);
        if (row == null) {
            throw new DeadLetterNotFoundException(id);
        }
        if (!row.state().canMoveTo(next)) {
            throw new DeadLetterDecidedException(id, row.state());
        }
        return row;
    }

    void decide(DeadLetterRow row, DeadLetterState next, String operator, String reason) {
        if (mapper.decide(row.id(), row.state(), next, now(), operator, reason) != 1) {
            throw new IllegalStateException("dead letter %d moved under its lock".formatted(row.id()));
        }
    }

    static String subject(long id) {
        return "dead-letter:" + id;
    }

    static DeadLetterView view(DeadLetterRow row) {
        return new DeadLetterView(row.id(), row.queue(), row.messageId(), row.type(), row.orderId(), row.reason(),
                row.body(), row.state(), row.redriveAttempts(), row.deadAt(), row.decidedAt(), row.decidedBy(),
                row.decisionReason());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}

package com.changgou.order.actions;

import com.changgou.order.api.ops.OperatorActionEntry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of what operators did. {@link #record} joins the transaction of the change it describes,
 * so an action is stored exactly when its change is; each is logged at INFO with who and why.
 */
@Service
public class OperatorActions {

    private static final Logger log = LoggerFactory.getLogger(OperatorActions.class);

    /** tb_operator_action.outcome holds 500 characters. */
    private static final int MAX_OUTCOME = 500;
    private static final int LATEST = 100;

    private final OperatorActionMapper mapper;
    private final Clock clock;

    OperatorActions(OperatorActionMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String operator, OperatorAction action, String subject, String orderId, String reason,
            String outcome) {
        String bounded = outcome.length() > MAX_OUTCOME ? outcome.substring(0, MAX_OUTCOME) : outcome;
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        mapper.insert(new OperatorActionRow(null, now, operator, action, subject, orderId, reason, bounded));
        log.info("operator {} {} {} (order {}) because \"{}\": {}", operator, action, subject, orderId, reason,
                bounded);
    }

    /** The latest 100, newest first. */
    @Transactional(readOnly = true)
    public List<OperatorActionEntry> latest() {
        return mapper.findLatest(LATEST).stream().map(OperatorActions::entry).toList();
    }

    /** Those concerning one order, oldest first. */
    @Transactional(readOnly = true)
    public List<OperatorActionEntry> ofOrder(String orderId) {
        return mapper.findByOrder(orderId).stream().map(OperatorActions::entry).toList();
    }

    private static OperatorActionEntry entry(OperatorActionRow row) {
        return new OperatorActionEntry(row.id(), row.at(), row.operator(), row.action().name(), row.subject(),
                row.reason(), row.outcome());
    }
}

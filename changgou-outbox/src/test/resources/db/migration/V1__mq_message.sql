-- The tests' copy of the table each app using this module creates with its own Flyway (the pay
-- service's V2__mq_message.sql, the order service's V5__order_events.sql): the columns must stay alike.
-- The transactional outbox: written in the same transaction as the state change it announces,
-- published afterwards by the relay with publisher confirms.
CREATE TABLE mq_message (
    id          VARCHAR(40)  NOT NULL COMMENT 'the messageId of the body',
    type        VARCHAR(64)  NOT NULL,
    exchange    VARCHAR(128) NOT NULL,
    routing_key VARCHAR(128) NOT NULL,
    body        TEXT         NOT NULL COMMENT 'JSON, published as-is',
    state       VARCHAR(8)   NOT NULL,
    attempts    INT          NOT NULL DEFAULT 0,
    next_try_at DATETIME(3)  NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    sent_at     DATETIME(3)  NULL,
    PRIMARY KEY (id),
    KEY idx_mq_message_due (state, next_try_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

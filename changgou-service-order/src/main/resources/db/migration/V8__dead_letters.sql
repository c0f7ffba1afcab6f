-- Messages the order service gave up on (poison at once, or after the retries), parked from the
-- dead-letter queues for a person: why each died, its body as received (bounded) and what is needed to
-- apply it again through its consumer's own path. state is DeadLetterState by name. dedup_key is the
-- message id ("id:...") or, for a message without one, the SHA-256 of its body ("sha256:..."): a
-- redelivered dead letter finds its row and makes no second one.
CREATE TABLE dead_letter (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    queue            VARCHAR(128)  NOT NULL,
    dedup_key        VARCHAR(200)  NOT NULL,
    message_id       VARCHAR(128)  NULL,
    type             VARCHAR(64)   NULL,
    order_id         VARCHAR(32)   NULL,
    reason           VARCHAR(1000) NOT NULL,
    -- up to 16384 characters of the body (utf8mb4: more than TEXT's 64 KB may hold)
    body             MEDIUMTEXT    NOT NULL,
    body_truncated   BOOLEAN       NOT NULL DEFAULT FALSE,
    content_type     VARCHAR(100)  NULL,
    content_encoding VARCHAR(50)   NULL,
    -- the message's headers as a JSON object of strings (the stack trace left out), bounded
    headers          TEXT          NULL,
    state            VARCHAR(16)   NOT NULL,
    redrive_attempts INT           NOT NULL DEFAULT 0,
    dead_at          DATETIME(3)   NOT NULL,
    decided_at       DATETIME(3)   NULL,
    decided_by       VARCHAR(64)   NULL,
    decision_reason  VARCHAR(500)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_dead_letter_message (queue, dedup_key),
    KEY idx_dead_letter_state (state, id),
    KEY idx_dead_letter_order (order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- What operators did, with who and why, written in the transaction of the change it made (a re-drive
-- rejected again has its own row). action is OperatorAction by name; subject names what was acted on
-- ("dead-letter:12", "refund:123"); order_id the order it concerns, when there is one.
CREATE TABLE tb_operator_action (
    id       BIGINT       NOT NULL AUTO_INCREMENT,
    at       DATETIME(3)  NOT NULL,
    operator VARCHAR(64)  NOT NULL,
    action   VARCHAR(16)  NOT NULL,
    subject  VARCHAR(64)  NOT NULL,
    order_id VARCHAR(32)  NULL,
    reason   VARCHAR(500) NOT NULL,
    outcome  VARCHAR(500) NOT NULL,
    PRIMARY KEY (id),
    KEY idx_operator_action_order (order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One row per refund of a payment (one out_refund_no each, the caller's id, reused on every ask).
-- The pay record itself stays SUCCESS: a refund is its own record with its own states (RefundState).
CREATE TABLE refund_record (
    out_refund_no  VARCHAR(32)  NOT NULL,
    out_trade_no   VARCHAR(32)  NOT NULL,
    order_id       VARCHAR(32)  NOT NULL,
    transaction_id VARCHAR(32)  NOT NULL,
    refund_fee     BIGINT       NOT NULL COMMENT 'fen',
    total_fee      BIGINT       NOT NULL COMMENT 'fen, the payment''s',
    state          VARCHAR(16)  NOT NULL COMMENT 'RefundState by name',
    refund_id      VARCHAR(32)  NULL COMMENT 'WeChat''s id, once it accepted the refund',
    reason         VARCHAR(80)  NULL COMMENT 'shown to the shopper by WeChat',
    refusal        VARCHAR(255) NULL COMMENT 'why a REFUSED refund was never made',
    raw_notify     TEXT         NULL COMMENT 'the decrypted req_info of the notification that settled it',
    success_time   DATETIME(3)  NULL,
    next_try_at    DATETIME(3)  NULL COMMENT 'PENDING: ask /secapi/pay/refund again; PROCESSING, CHANGE: refundquery; NULL = never',
    attempts       INT          NOT NULL DEFAULT 0,
    create_time    DATETIME(3)  NOT NULL,
    update_time    DATETIME(3)  NOT NULL,
    PRIMARY KEY (out_refund_no),
    KEY idx_refund_record_trade (out_trade_no),
    KEY idx_refund_record_order (order_id),
    KEY idx_refund_record_due (state, next_try_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One row per state change of a refund: who moved it and why.
CREATE TABLE refund_log (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    out_refund_no VARCHAR(32)  NOT NULL,
    from_state    VARCHAR(16)  NULL,
    to_state      VARCHAR(16)  NOT NULL,
    actor         VARCHAR(32)  NOT NULL,
    reason        VARCHAR(255) NULL,
    created_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_refund_log_refund (out_refund_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- A refund's result id names the refund and its state ("rr-" + out_refund_no + "-" + state): up to 47 characters.
ALTER TABLE mq_message MODIFY id VARCHAR(64) NOT NULL COMMENT 'the messageId of the body';

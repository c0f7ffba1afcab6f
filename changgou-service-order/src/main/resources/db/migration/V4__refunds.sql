-- The order's refunds. id is the out_refund_no the pay service (and WeChat) know the refund by: a
-- snowflake made here, reused on every submission, so asking again is the same refund. Money is BIGINT
-- fen. state is OrderRefundState by name, kind RefundKind by name (one type handler each).
-- next_try_at is when the submitter may next take a REQUESTED row: a claim pushes it past the call's
-- longest time (the lease), a failed call to the back-off, so two instances never submit one row at once.
CREATE TABLE tb_order_refund (
    id             VARCHAR(32)  NOT NULL,
    order_id       VARCHAR(32)  NOT NULL,
    transaction_id VARCHAR(64)  NULL,
    amount         BIGINT       NOT NULL,
    reason         VARCHAR(255) NOT NULL,
    kind           VARCHAR(20)  NOT NULL,
    state          VARCHAR(16)  NOT NULL,
    refusal        VARCHAR(255) NULL,
    attempts       INT          NOT NULL DEFAULT 0,
    next_try_at    DATETIME(3)  NOT NULL,
    create_time    DATETIME(3)  NOT NULL,
    update_time    DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_refund_order (order_id),
    -- the submitter looks for REQUESTED rows that are due
    KEY idx_refund_due (state, next_try_at),
    CONSTRAINT ck_refund_amount_positive CHECK (amount > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- A refund to do now names the refund that makes it, and follows its state.
ALTER TABLE tb_order_refund_todo
    ADD COLUMN refund_id   VARCHAR(32) NULL AFTER transaction_id,
    ADD COLUMN update_time DATETIME(3) NULL AFTER create_time,
    ADD KEY idx_todo_refund (refund_id);

-- One row per attempt to collect an order's money at WeChat (one out_trade_no each).
CREATE TABLE pay_record (
    out_trade_no   VARCHAR(32)  NOT NULL,
    order_id       VARCHAR(32)  NOT NULL,
    username       VARCHAR(64)  NOT NULL,
    total_fee      BIGINT       NOT NULL COMMENT 'fen',
    status         VARCHAR(16)  NOT NULL,
    code_url       VARCHAR(256) NULL,
    prepay_id      VARCHAR(64)  NULL,
    token          VARCHAR(32)  NOT NULL COMMENT 'opaque per-order token matched by the browser',
    time_expire    DATETIME(3)  NOT NULL,
    transaction_id VARCHAR(32)  NULL,
    time_end       VARCHAR(14)  NULL COMMENT 'WeChat yyyyMMddHHmmss, Beijing time',
    raw_notify     TEXT         NULL,
    create_time    DATETIME(3)  NOT NULL,
    update_time    DATETIME(3)  NOT NULL,
    next_query_at  DATETIME(3)  NULL COMMENT 'when reconciliation asks WeChat next; NULL = never again',
    query_attempts INT          NOT NULL DEFAULT 0,
    -- MySQL has no partial index: this column is the order id only while the record is open,
    -- so the unique key allows one open record per order and any number of closed ones.
    open_order_id  VARCHAR(32) AS (CASE WHEN status IN ('NOTPAY', 'USERPAYING') THEN order_id END) STORED,
    PRIMARY KEY (out_trade_no),
    UNIQUE KEY uk_pay_record_open_order (open_order_id),
    KEY idx_pay_record_order (order_id),
    KEY idx_pay_record_query (status, next_query_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One row per state change of a pay record: who moved it and why.
CREATE TABLE pay_log (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    out_trade_no VARCHAR(32)  NOT NULL,
    from_status  VARCHAR(16)  NULL,
    to_status    VARCHAR(16)  NOT NULL,
    actor        VARCHAR(32)  NOT NULL,
    reason       VARCHAR(255) NULL,
    created_at   DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_pay_log_trade (out_trade_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

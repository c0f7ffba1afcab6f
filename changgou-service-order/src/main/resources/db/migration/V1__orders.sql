-- Money columns are BIGINT fen. Times are UTC (the JDBC URL pins serverTimezone=UTC), written in whole
-- seconds by the app (Connector/J drops fractions on MariaDB; DATETIME(3) keeps MySQL 8 ready for more).
-- order_status keeps the seed's codes: '0' unpaid, '1' paid, '2' closed (see OrderStatusTypeHandler).
CREATE TABLE tb_order (
    id             VARCHAR(32)  NOT NULL,
    username       VARCHAR(64)  NOT NULL,
    total_num      INT          NOT NULL,
    total_money    BIGINT       NOT NULL,
    pay_money      BIGINT       NOT NULL,
    pay_type       VARCHAR(8)   NOT NULL DEFAULT '1',
    order_status   CHAR(1)      NOT NULL,
    pay_status     CHAR(1)      NOT NULL DEFAULT '0',
    transaction_id VARCHAR(64)  NULL,
    create_time    DATETIME(3)  NOT NULL,
    update_time    DATETIME(3)  NOT NULL,
    pay_time       DATETIME(3)  NULL,
    close_time     DATETIME(3)  NULL,
    expire_time    DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_order_user (username, create_time),
    -- the backstop sweep looks for unpaid orders past their expiry
    KEY idx_order_expiry (order_status, expire_time)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE tb_order_item (
    id       VARCHAR(32)  NOT NULL,
    order_id VARCHAR(32)  NOT NULL,
    sku_id   BIGINT       NOT NULL,
    name     VARCHAR(200) NOT NULL,
    price    BIGINT       NOT NULL,
    num      INT          NOT NULL,
    money    BIGINT       NOT NULL,
    PRIMARY KEY (id),
    KEY idx_item_order (order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One row per state change: who moved the order, from what to what, and why.
CREATE TABLE tb_order_log (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    order_id       VARCHAR(32)  NOT NULL,
    from_status    CHAR(1)      NULL,
    to_status      CHAR(1)      NOT NULL,
    operator       VARCHAR(64)  NOT NULL,
    remark         VARCHAR(255) NOT NULL,
    transaction_id VARCHAR(64)  NULL,
    create_time    DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_log_order (order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Money WeChat took for an order that was already closed (or paid twice): someone must refund it.
-- Unique per (order, transaction) so a redelivered result records it once.
CREATE TABLE tb_order_refund_todo (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    order_id       VARCHAR(32)  NOT NULL,
    transaction_id VARCHAR(64)  NOT NULL,
    amount         BIGINT       NOT NULL,
    reason         VARCHAR(255) NOT NULL,
    state          VARCHAR(16)  NOT NULL DEFAULT 'TODO',
    create_time    DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_refund_trade (order_id, transaction_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

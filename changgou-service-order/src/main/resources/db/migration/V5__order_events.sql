-- The order events' outbox (the changgou-outbox module's table, alike in every schema that has one):
-- written in the same transaction as the state change it announces (order.paid, order.refunded),
-- published afterwards to order.events by the relay with publisher confirms.
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

-- What kind of business a sku, and so an order of it, is for: BusinessType by name (one type handler).
-- Every sku and order so far is goods; an order holds one kind only, copied from its skus when placed.
ALTER TABLE tb_sku
    ADD COLUMN business_type VARCHAR(16) NOT NULL DEFAULT 'GOODS' AFTER on_sale;
ALTER TABLE tb_order
    ADD COLUMN business_type VARCHAR(16) NOT NULL DEFAULT 'GOODS' AFTER pay_type;

-- One row per notification received (WeChat's payment and refund notifications, Alipay's), whatever
-- became of it: ACCEPTED (it changed state), DUPLICATE (already so: answered success, changed nothing)
-- or REFUSED (answered failure) with a reason word (the changgou.pay.notifications metric's reason tag).
-- reference is what it named (out_trade_no, or out_refund_no for a refund) when that could be read, even
-- from a refused body, so forgeries naming a real order show in that order's story. The janitor deletes
-- rows older than PAY_NOTIFY_LOG_RETENTION, so a flood of forgeries cannot grow the table for ever.
CREATE TABLE notify_log (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    received_at DATETIME(3)  NOT NULL,
    channel     VARCHAR(16)  NOT NULL COMMENT 'PayChannel by name: WECHAT, ALIPAY',
    kind        VARCHAR(16)  NOT NULL COMMENT 'PAYMENT, REFUND',
    verdict     VARCHAR(16)  NOT NULL COMMENT 'ACCEPTED, DUPLICATE, REFUSED',
    reason      VARCHAR(64)  NOT NULL COMMENT 'a word of NotifyReason, lower case; ok unless refused',
    detail      VARCHAR(500) NULL COMMENT 'what was wrong, in words; never a key or a whole body',
    reference   VARCHAR(64)  NULL COMMENT 'out_trade_no or out_refund_no named, when readable',
    trace_id    VARCHAR(32)  NULL COMMENT 'the request''s trace id, to find its log lines',
    PRIMARY KEY (id),
    KEY idx_notify_log_reference (reference),
    KEY idx_notify_log_received (received_at),
    KEY idx_notify_log_verdict (verdict, received_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The ops console finds payments by transaction id and by creation time, and counts payments started
-- and paid per minute: without these each of those reads would scan the whole table.
ALTER TABLE pay_record
    ADD KEY idx_pay_record_transaction (transaction_id),
    ADD KEY idx_pay_record_created (create_time);

ALTER TABLE pay_log
    ADD KEY idx_pay_log_to_status (to_status, created_at);

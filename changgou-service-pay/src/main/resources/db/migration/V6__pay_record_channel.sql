-- Alipay is a second channel: every pay record says where it collects its money (PayChannel by name);
-- the rows from before were all WeChat's.
ALTER TABLE pay_record
    ADD COLUMN channel VARCHAR(8) NOT NULL DEFAULT 'WECHAT' COMMENT 'PayChannel by name' AFTER order_id;

-- One open record per order AND channel: a shopper may have a WeChat QR code and an Alipay page open at
-- once (open_order_id is NULL once a record is closed or paid, and NULLs never collide).
ALTER TABLE pay_record
    DROP INDEX uk_pay_record_open_order,
    ADD UNIQUE KEY uk_pay_record_open_order (open_order_id, channel);

-- The Alipay page the phone opens names its record by the order's opaque token.
ALTER TABLE pay_record
    ADD KEY idx_pay_record_token (token);

-- The shopper's points, earned by paid GOODS orders and taken back by their refunds (order events).
-- tb_points_account: one row per shopper, made with the first entry; balance is the sum of the
--   shopper's entries (EARNED adds, TAKEN_BACK subtracts), kept in the same transaction as each entry.
-- tb_points_entry: one row per applied order event. event_id is UNIQUE: the row is the marker that
--   the event was applied, written in the transaction that changes the balance, so a redelivered or
--   duplicated event finds its row and changes nothing. points is never negative; kind says which
--   way it went. amount_fen is what the event moved (paid, or that refund's amount), in fen.
-- username as in tb_user (utf8mb4_bin, compared byte for byte). Times are UTC, written by the app.
CREATE TABLE tb_points_account (
    username    VARCHAR(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    balance     BIGINT      NOT NULL DEFAULT 0,
    update_time DATETIME(3) NOT NULL,
    PRIMARY KEY (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE tb_points_entry (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    username    VARCHAR(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    order_id    VARCHAR(32) NOT NULL,
    event_id    VARCHAR(64) NOT NULL,
    kind        ENUM ('EARNED', 'TAKEN_BACK') NOT NULL,
    points      BIGINT      NOT NULL,
    amount_fen  BIGINT      NOT NULL,
    create_time DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_points_entry_event (event_id),
    KEY idx_points_entry_user_time (username, create_time),
    KEY idx_points_entry_order (order_id),
    CONSTRAINT ck_points_entry_points CHECK (points >= 0),
    CONSTRAINT ck_points_entry_amount CHECK (amount_fen >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

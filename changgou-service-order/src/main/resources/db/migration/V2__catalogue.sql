-- The shop's goods and their prices. An order's names and unit prices are read from here in the
-- transaction that places it; a client never names a price. Prices are BIGINT fen, like every money
-- column. There is no stock column: stock (and reserving it on placing) is a later issue, so for now
-- every sku on sale can be ordered in any quantity the order's own bounds allow.
CREATE TABLE tb_sku (
    id          BIGINT       NOT NULL,
    name        VARCHAR(200) NOT NULL,
    price       BIGINT       NOT NULL,
    -- a sku taken off sale stays, so that old orders keep naming it, but it cannot be ordered
    on_sale     BOOLEAN      NOT NULL DEFAULT TRUE,
    create_time DATETIME(3)  NOT NULL,
    update_time DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_sku_price_positive CHECK (price > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The demo shop's goods; the browser tests rely on these ids and prices. The umbrella is not on sale,
-- so the refusal of an off-sale sku can be shown.
INSERT INTO tb_sku (id, name, price, on_sale, create_time, update_time) VALUES
    (100001, 'Changgou sticker', 1, TRUE, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
    (100002, 'Changgou mug', 2500, TRUE, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
    (100003, 'Changgou T-shirt', 9900, TRUE, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3)),
    (100004, 'Changgou umbrella (sold out)', 4900, FALSE, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3));

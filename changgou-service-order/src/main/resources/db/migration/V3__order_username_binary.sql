-- Shoppers' names compare byte for byte: under the default case-insensitive collation a shopper
-- signed in as 'ALICE' would be listed alice's orders.
ALTER TABLE tb_order
    MODIFY username VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;

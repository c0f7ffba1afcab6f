-- The shop's first sku of another kind of business: a course is enrolled in, not shipped, so an order
-- of it holds nothing else (the user service awards points for goods only).
INSERT INTO tb_sku (id, name, price, on_sale, business_type, create_time, update_time) VALUES
    (100005, 'Online course: WeChat Pay in practice', 19900, TRUE, 'COURSE', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3));

-- The suite's schemas; Flyway in each service creates the tables.
CREATE DATABASE IF NOT EXISTS changgou_order CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS changgou_pay CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS changgou_user CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

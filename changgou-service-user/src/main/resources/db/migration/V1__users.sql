-- Shopper and operator accounts; the gateway signs people in against these rows.
-- username: stored already normalised (trimmed, lower-case) by the app. utf8mb4_bin compares bytes, so
--   'ALICE' never equals 'alice' here: a case-insensitive collation would let a row that bypassed the
--   app's normalisation shadow another account, and the primary key is what settles a sign-up race.
-- password_hash: Spring Security's delegating format, '{bcrypt}' + 60 characters today; the room left
--   lets a later encoder id (and its longer hash) arrive without a migration.
-- roles: comma-separated Role names (SHOPPER, OPERATOR), read and written by RolesTypeHandler only.
-- Times are UTC (the JDBC URL pins serverTimezone=UTC), written by the app.
CREATE TABLE tb_user (
    username      VARCHAR(32)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    roles         VARCHAR(64)  NOT NULL DEFAULT 'SHOPPER',
    created_at    DATETIME(3)  NOT NULL,
    updated_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

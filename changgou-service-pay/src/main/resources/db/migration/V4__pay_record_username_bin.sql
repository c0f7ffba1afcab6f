-- Usernames are compared byte for byte: "Alice" is not "alice", in SQL as in Java.
ALTER TABLE pay_record
    MODIFY username VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;

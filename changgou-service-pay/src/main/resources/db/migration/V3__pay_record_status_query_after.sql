-- Status polls claim the right to ask WeChat with a conditional update of this column, so one
-- orderquery per interval reaches WeChat however many shoppers or pay instances poll.
-- Reconciliation keeps its own schedule in next_query_at.
ALTER TABLE pay_record
    ADD COLUMN status_query_after DATETIME(3) NULL
        COMMENT 'a status poll may ask WeChat again from this time on; NULL = not asked yet';

-- The trace of the request that wrote the row: its W3C traceparent (55 characters), or null when the
-- row was written outside any trace. The relay publishes the row within a span of that trace, so the
-- message is found under the same trace id as the request that caused it, although it leaves later
-- and on another thread.
-- The backlog gauges ask every few seconds how many rows are NEW and when the oldest was written;
-- (state, created_at) answers both from the index alone.
ALTER TABLE mq_message
    ADD COLUMN trace_parent VARCHAR(64) NULL COMMENT 'W3C traceparent of the writer' AFTER body,
    ADD KEY idx_mq_message_backlog (state, created_at);

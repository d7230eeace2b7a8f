-- Issue 19: what PostgreSQL spends on storing each determination (docs/benchmarks.md, "Issue 19: PostgreSQL's share").
--
-- 1. review_event had two indexes on (determination_id, seq): the one behind its unique constraint (V3) and
--    review_event_determination, created beside it with the same columns. Every event paid for both; every read can use
--    the unique one. Nothing else changes: the constraint, and so the order of a determination's events, stays.
drop index if exists review_event_determination;

-- 2. A determination's submission and response (about 6.7 and 5.9 KB for a 50-material BOM) are compressed when stored.
--    PostgreSQL's default, pglz, took 0.10 to 0.19 ms of the server's CPU per determination to compress them (5,000 stored
--    pairs inserted again, 2026-12-04); lz4 took 0.04 ms, for about 19% more space (3.9 instead of 3.3 KB a row). The
--    values are the same text either way, read back alike; rows already stored keep their pglz compression. A server built
--    without lz4 refuses the setting: it then keeps pglz, and only the CPU saving is lost.
do $$
begin
    alter table determination alter column submission set compression lz4, alter column response set compression lz4;
exception when feature_not_supported then
    raise notice 'this PostgreSQL has no lz4: determinations stay compressed with pglz';
end;
$$;

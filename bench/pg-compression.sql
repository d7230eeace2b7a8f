-- Issue 19: PostgreSQL's CPU time per stored determination row, pglz against lz4 (2,000 stored rows compressed anew, four
-- alternating rounds), read from /proc/<backend pid>/stat. Needs stored determinations and psql on the server's machine:
--   psql -h localhost -U bench bench -At -f bench/pg-compression.sql      (prints CPU ms per row, CLK_TCK 100)
select pg_backend_pid() as pid \gset
create temp table src as select * from determination limit 2000;
create temp table d_pglz (like determination including all);
create temp table d_lz4 (like determination including all);
alter table d_lz4 alter column submission set compression lz4, alter column response set compression lz4;
alter table d_pglz alter column submission set compression pglz, alter column response set compression pglz;
\set ins 'select gen_random_uuid(), created_at, reference, part_number, hs_code, as_of, status, origin_criterion, rule_pack_id, rule_pack_version, rule_pack_sha256, product_rule_id, submission || \'\', response || \'\', tenant_id, submitted_by, submission_media_type, submission_parameters, part_schedule, part_net_cost_threshold from src'
\set t0 `awk '{print $14+$15}' /proc/:pid/stat`
insert into d_pglz :ins;
\set t1 `awk '{print $14+$15}' /proc/:pid/stat`
select 'pglz', (:t1 - :t0) * 10.0 / 2000 as cpu_ms_per_row;
\set t0 `awk '{print $14+$15}' /proc/:pid/stat`
insert into d_lz4 :ins;
\set t1 `awk '{print $14+$15}' /proc/:pid/stat`
select 'lz4', (:t1 - :t0) * 10.0 / 2000 as cpu_ms_per_row;
\set t0 `awk '{print $14+$15}' /proc/:pid/stat`
insert into d_pglz :ins;
\set t1 `awk '{print $14+$15}' /proc/:pid/stat`
select 'pglz', (:t1 - :t0) * 10.0 / 2000 as cpu_ms_per_row;
\set t0 `awk '{print $14+$15}' /proc/:pid/stat`
insert into d_lz4 :ins;
\set t1 `awk '{print $14+$15}' /proc/:pid/stat`
select 'lz4', (:t1 - :t0) * 10.0 / 2000 as cpu_ms_per_row;
\set t0 `awk '{print $14+$15}' /proc/:pid/stat`
insert into d_pglz :ins;
\set t1 `awk '{print $14+$15}' /proc/:pid/stat`
select 'pglz', (:t1 - :t0) * 10.0 / 2000 as cpu_ms_per_row;
\set t0 `awk '{print $14+$15}' /proc/:pid/stat`
insert into d_lz4 :ins;
\set t1 `awk '{print $14+$15}' /proc/:pid/stat`
select 'lz4', (:t1 - :t0) * 10.0 / 2000 as cpu_ms_per_row;
\set t0 `awk '{print $14+$15}' /proc/:pid/stat`
insert into d_pglz :ins;
\set t1 `awk '{print $14+$15}' /proc/:pid/stat`
select 'pglz', (:t1 - :t0) * 10.0 / 2000 as cpu_ms_per_row;
\set t0 `awk '{print $14+$15}' /proc/:pid/stat`
insert into d_lz4 :ins;
\set t1 `awk '{print $14+$15}' /proc/:pid/stat`
select 'lz4', (:t1 - :t0) * 10.0 / 2000 as cpu_ms_per_row;

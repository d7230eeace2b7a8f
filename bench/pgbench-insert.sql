-- One durable insert of a row about the size a 50-material determination takes on disk (about 3.3 KB after
-- PostgreSQL's compression: hex text compresses about as the stored JSON does), with a primary key index.
insert into pgbench_determination (id, created_at, submission, response)
select gen_random_uuid(), now(), string_agg(md5(random()::text), ''), string_agg(md5(random()::text), '') from generate_series(1, 50);

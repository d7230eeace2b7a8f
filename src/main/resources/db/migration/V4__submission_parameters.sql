-- A CSV submission describes its good in query parameters: they are part of what was received, so they are
-- stored beside the CSV (and included in the Idempotency-Key's request hash).
alter table determination add column submission_parameters text;

-- Every determination belongs to one tenant; every read is scoped to it (issue: security and tenants).
-- Rows written before tenants existed belong to the tenant 'default'.
alter table determination add column tenant_id text;
-- The immutability trigger refuses updates; it is lifted for this one backfill, inside this migration's transaction.
alter table determination disable trigger user;
update determination set tenant_id = 'default' where tenant_id is null;
alter table determination enable trigger user;
alter table determination alter column tenant_id set not null;
-- Who submitted it (the token's subject) and in what form (JSON or CSV, stored as received).
alter table determination add column submitted_by text;
alter table determination add column submission_media_type text not null default 'application/json';
create index determination_tenant_created on determination (tenant_id, created_at desc, id desc);

-- Idempotency-Key of POST /api/v1/determinations: one determination per tenant and key; the request's
-- SHA-256 tells a retry (same body) from a misuse of the key (different body).
create table idempotency_key (
    tenant_id text not null,
    idempotency_key text not null,
    request_sha256 text not null,
    determination_id uuid not null references determination (id),
    created_at timestamptz not null,
    primary key (tenant_id, idempotency_key)
);

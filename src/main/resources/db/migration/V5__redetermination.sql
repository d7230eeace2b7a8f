-- Re-determination of stored determinations against the rule pack in force (or another date): a job and one item
-- per determination. Workers on any replica claim pending items in batches with FOR UPDATE SKIP LOCKED, so
-- several share the work and a restart resumes it. The original determinations are never touched.
create table redetermination_job (
    id uuid primary key,
    tenant_id text not null,
    requested_by text not null,
    created_at timestamptz not null,
    as_of date,
    rule_pack_version text not null,
    rule_pack_sha256 text not null,
    total integer not null
);

create table redetermination_item (
    job_id uuid not null references redetermination_job (id),
    determination_id uuid not null references determination (id),
    state text not null default 'PENDING',
    old_status text not null,
    new_status text,
    new_criterion text,
    changed boolean,
    error text,
    done_at timestamptz,
    primary key (job_id, determination_id)
);
create index redetermination_pending on redetermination_item (job_id, state);

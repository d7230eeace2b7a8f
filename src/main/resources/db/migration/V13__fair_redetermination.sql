-- Fair re-determination scheduling (issue 14, finding 4). Workers on every replica take one chunk at a time from the
-- unfinished job whose tenant was served least recently (last_served_at), so one tenant's large jobs cannot hold
-- back another tenant's small one. finished_at marks a job with nothing left to claim; while it is null, an
-- identical request (same tenant, same asOf, same rule pack) gets the running job instead of a second one: the
-- partial unique index makes that hold across replicas.
alter table redetermination_job add column last_served_at timestamptz;
alter table redetermination_job add column finished_at timestamptz;
-- A job for chosen determinations (a revoked supplier declaration's) is never a duplicate of a tenant-wide one.
alter table redetermination_job add column targeted boolean not null default false;

update redetermination_job j set finished_at = now()
where not exists (select 1 from redetermination_item i where i.job_id = j.id and i.state = 'PENDING');

create unique index redetermination_job_running on redetermination_job (tenant_id, coalesce(as_of, date 'infinity'), rule_pack_sha256)
    where finished_at is null and not targeted;
create index redetermination_job_tenant_served on redetermination_job (tenant_id, last_served_at);

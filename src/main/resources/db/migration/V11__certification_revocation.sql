-- Issue 17: a certification of origin is revoked, or replaced by a new one, with a reason. The certification itself
-- stays as issued (V3 trigger); its end is a row of its own, at most one per certification (the primary key), and
-- evidence like the rest: never updated or deleted through the application.
create table certification_revocation (
    certification_id uuid primary key references certification (id),
    tenant_id text not null,
    revoked_at timestamptz not null,
    revoked_by text not null,
    reason text not null,
    replaced_by uuid references certification (id)
);
create trigger certification_revocation_no_update before update or delete on certification_revocation
    for each row execute function evidence_is_immutable();

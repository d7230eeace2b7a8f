-- Review of determinations: append-only events (the record), and the current state of each determination
-- (a projection kept in the same transaction, for the queue). The engine's determination is never altered.
create table review_event (
    id uuid primary key,
    tenant_id text not null,
    determination_id uuid not null references determination (id),
    seq integer not null,
    action text not null,
    from_state text,
    to_state text not null,
    actor text not null,
    at timestamptz not null,
    justification text,
    override_status text,
    override_criterion text,
    unique (determination_id, seq)
);
create index review_event_determination on review_event (determination_id, seq);

create table review_status (
    determination_id uuid primary key references determination (id),
    tenant_id text not null,
    state text not null,
    updated_at timestamptz not null
);
create index review_status_queue on review_status (tenant_id, state, updated_at desc);
create index determination_tenant_part on determination (tenant_id, part_number text_pattern_ops);
create index determination_tenant_reference on determination (tenant_id, reference text_pattern_ops);
create index determination_tenant_hs on determination (tenant_id, hs_code text_pattern_ops);

-- Certifications of origin issued from approved determinations (USMCA Art. 5.2, Annex 5-A).
create table certification (
    id uuid primary key,
    tenant_id text not null,
    determination_id uuid not null references determination (id),
    issued_at timestamptz not null,
    issued_by text not null,
    content text not null
);
create index certification_determination on certification (determination_id);

-- Events and certifications are evidence: never updated or deleted through the application.
create function evidence_is_immutable() returns trigger language plpgsql as $$
begin
    raise exception '% rows are evidence and cannot be changed or deleted', tg_table_name;
end;
$$;
create trigger review_event_no_update before update or delete on review_event
    for each row execute function evidence_is_immutable();
create trigger certification_no_update before update or delete on certification
    for each row execute function evidence_is_immutable();

-- Determinations made before reviews existed wait for an officer (the conservative choice).
insert into review_event (id, tenant_id, determination_id, seq, action, from_state, to_state, actor, at, justification)
select gen_random_uuid(), tenant_id, id, 1, 'REVIEW_REQUIRED', null, 'PENDING_REVIEW', 'migration V3', now(),
       'made before the review workflow existed: an officer reviews it'
from determination;
insert into review_status (determination_id, tenant_id, state, updated_at)
select id, tenant_id, 'PENDING_REVIEW', now() from determination;

-- A determination is evidence: written once, never updated or deleted by the application.
create table determination (
    id                 uuid primary key,
    created_at         timestamp with time zone not null,
    reference          varchar(200),
    part_number        varchar(200),
    hs_code            varchar(10)  not null,
    as_of              date         not null,
    status             varchar(20)  not null check (status in ('ORIGINATING', 'NOT_ORIGINATING', 'INSUFFICIENT_DATA')),
    origin_criterion   varchar(1)   check (origin_criterion in ('A', 'B', 'C', 'D')),
    rule_pack_id       varchar(50)  not null,
    rule_pack_version  varchar(50)  not null,
    rule_pack_sha256   varchar(64)  not null check (rule_pack_sha256 ~ '^[0-9a-f]{64}$'),
    product_rule_id    varchar(100),
    submission         text         not null, -- the BOM exactly as received
    response           text         not null  -- the JSON returned at creation, returned again by GET
);

create index determination_created_at_idx on determination (created_at desc, id desc);
create index determination_part_number_idx on determination (part_number, created_at desc);
create index determination_status_idx on determination (status, created_at desc);

-- Immutability enforced by the database too, not only by the API: an audit trail that could be edited is none.
create function determination_is_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'determinations are immutable evidence: % is not allowed', tg_op;
end;
$$;

create trigger determination_no_update before update or delete on determination
    for each row execute function determination_is_immutable();

-- Supplier declarations (issue 15): evidence of the origin of purchased parts, kept as received. A revocation is a
-- row of its own; nothing here is ever updated or deleted by the application (evidence_is_immutable, from V3).
create table supplier_declaration (
    id uuid primary key,
    tenant_id text not null,
    supplier_id text not null,
    valid_from date not null,
    valid_to date not null,
    recorded_at timestamptz not null,
    recorded_by text not null,
    content text not null, -- the declaration as stored (JSON), returned by GET
    check (valid_to >= valid_from)
);
create index supplier_declaration_tenant_supplier on supplier_declaration (tenant_id, supplier_id, valid_to);

-- One row per part the declaration covers: the lookup of a material's supplier and part number.
create table supplier_declaration_item (
    declaration_id uuid not null references supplier_declaration (id),
    tenant_id text not null,
    supplier_id text not null,
    part_number text not null,
    primary key (declaration_id, part_number)
);
create index supplier_declaration_item_part on supplier_declaration_item (tenant_id, supplier_id, part_number);

create table supplier_declaration_revocation (
    declaration_id uuid primary key references supplier_declaration (id),
    tenant_id text not null,
    revoked_at timestamptz not null,
    revoked_by text not null,
    reason text not null
);

create trigger supplier_declaration_no_update before update or delete on supplier_declaration
    for each row execute function evidence_is_immutable();
create trigger supplier_declaration_item_no_update before update or delete on supplier_declaration_item
    for each row execute function evidence_is_immutable();
create trigger supplier_declaration_revocation_no_update before update or delete on supplier_declaration_revocation
    for each row execute function evidence_is_immutable();

-- Which stored determination relied on which supplier x part, and on which declaration (null: none was valid, the
-- material was UNKNOWN). Written with the determination, in its transaction; read by the gaps report and by revocation.
create table determination_supplier_part (
    determination_id uuid not null references determination (id),
    tenant_id text not null,
    supplier_id text not null,
    part_number text not null,
    declaration_id uuid references supplier_declaration (id),
    primary key (determination_id, supplier_id, part_number)
);
create index determination_supplier_part_declaration on determination_supplier_part (declaration_id);
create index determination_supplier_part_pair on determination_supplier_part (tenant_id, supplier_id, part_number);
create trigger determination_supplier_part_no_update before update or delete on determination_supplier_part
    for each row execute function evidence_is_immutable();

-- Issue 19: every stored determination paid for eight indexes. Three of them, from V1, lead with a column other than the
-- tenant: (created_at, id), (part_number, created_at) and (status, created_at). They were made before tenants existed
-- (V2); since then every read of determinations is scoped to one tenant (DeterminationQueries, ReviewService.queue,
-- RedeterminationService, ScenarioRunService, SupplierDeclarationService; lookups by id use the primary key), and the
-- indexes that lead with tenant_id serve the same reads: (tenant_id, created_at desc, id desc) the newest-first lists and
-- their date bounds, (tenant_id, part_number text_pattern_ops) a part number's determinations (equality as well as
-- prefix), and a status is one of three values, filtered along the tenant's newest-first index. The plans of those
-- queries, before and after, are in docs/benchmarks.md ("Issue 19: PostgreSQL's work per stored determination").
-- Nothing else changes: no column, no constraint, no row.
drop index if exists determination_created_at_idx;
drop index if exists determination_part_number_idx;
drop index if exists determination_status_idx;

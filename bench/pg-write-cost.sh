#!/usr/bin/env bash
# Issue 19: what PostgreSQL spends on storing one determination with its review rows, by variant of the schema, measured in
# the server: the CPU time of the session's backend (utime + stime of /proc/<pid>/stat) and the WAL it wrote
# (EXPLAIN (ANALYZE, WAL): records, full-page images, bytes; per statement, so other sessions on the cluster do not count).
# Copies ROWS stored determinations (from a database holding some, as bench/http.sh or bench/profile.sh leave it) into
# scratch tables shaped like `determination`, `review_event` and `review_status` (their columns, checks, indexes and
# foreign keys), one scratch schema per variant, and inserts them ROUNDS times, variants alternating:
#   all       the indexes of the schema before V28 (eight on determination);
#   tenant    without the three indexes that lead with something other than the tenant (V28: every read is per tenant);
#   inline    `tenant` with toast_tuple_target 8160: submission and response compressed inside the row, no TOAST rows
#             (measured, not adopted: see docs/benchmarks.md).
# submission || '' makes the server compress each value anew, as it does for a new determination. A CHECKPOINT before
# each round (when the role may: CHECKPOINT needs superuser or pg_checkpoint) makes every round pay its full-page images
# alike. Run on the server's machine (it reads /proc). The scratch schemas are dropped at the end.
# Usage: BENCH_DB=bench_i19l bench/pg-write-cost.sh          (ROWS=2000 ROUNDS=3; PGHOST, PGPORT as for psql)
set -euo pipefail
DB=${BENCH_DB:-bench}
ROWS=${ROWS:-2000}
ROUNDS=${ROUNDS:-3}
export PGPASSWORD=${PGPASSWORD:-bench}
VARIANTS=${VARIANTS:-"all tenant inline"}
psql_() { psql -X -q -At -v ON_ERROR_STOP=1 -h "${PGHOST:-localhost}" -p "${PGPORT:-5432}" -U "$DB" "$DB" "$@"; }

setup() { # $1 variant
  cat << SQL
drop schema if exists cost_$1 cascade;
create schema cost_$1;
create table cost_$1.determination (like public.determination including all);
create table cost_$1.review_event (like public.review_event including all);
alter table cost_$1.review_event add foreign key (determination_id) references cost_$1.determination (id);
create table cost_$1.review_status (like public.review_status including all);
alter table cost_$1.review_status add foreign key (determination_id) references cost_$1.determination (id);
SQL
  if [ "$1" != all ]; then
    cat << SQL
do \$\$ declare i record; begin
  for i in select indexname from pg_indexes where schemaname = 'cost_$1' and tablename = 'determination'
      and (indexdef like '%(created_at DESC, id DESC)' or indexdef like '%(part_number, created_at DESC)' or indexdef like '%(status, created_at DESC)')
  loop execute format('drop index cost_$1.%I', i.indexname); end loop;
end \$\$;
SQL
  fi
  [ "$1" = inline ] && echo "alter table cost_$1.determination set (toast_tuple_target = 8160);"
  true
}

round() { # $1 variant
  local s=cost_$1
  cat << SQL
select 'variant $1';
\\set t0 \`awk '{print \$14+\$15}' /proc/:pid/stat\`
explain (analyze, wal, costs off, timing off, summary off) insert into $s.determination
  select gen_random_uuid(), created_at, reference, part_number, hs_code, as_of, status, origin_criterion, rule_pack_id, rule_pack_version,
         rule_pack_sha256, product_rule_id, submission || '', response || '', tenant_id, submitted_by, submission_media_type,
         submission_parameters, part_schedule, part_net_cost_threshold from src;
\\set t1 \`awk '{print \$14+\$15}' /proc/:pid/stat\`
explain (analyze, wal, costs off, timing off, summary off) insert into $s.review_event (id, tenant_id, determination_id, seq, action, to_state, actor, at, justification)
  select gen_random_uuid(), d.tenant_id, d.id, 1, 'REVIEW_REQUIRED', 'PENDING_REVIEW', 'review policy', d.created_at, 'a reason of about this length for the officer'
  from $s.determination d where not exists (select 1 from $s.review_status r where r.determination_id = d.id);
explain (analyze, wal, costs off, timing off, summary off) insert into $s.review_status (determination_id, tenant_id, state, updated_at)
  select d.id, d.tenant_id, 'PENDING_REVIEW', d.created_at from $s.determination d where not exists (select 1 from $s.review_status r where r.determination_id = d.id);
\\set t2 \`awk '{print \$14+\$15}' /proc/:pid/stat\`
select 'cpu $1 ' || (:t1 - :t0) || ' ' || (:t2 - :t1);
SQL
}

{
  echo "select pg_backend_pid() as pid \\gset"
  echo "create temp table src as select * from public.determination order by created_at desc limit $ROWS;"
  echo "select 'rows ' || count(*) || ' ' || coalesce(avg(pg_column_size(submission) + pg_column_size(response))::int, 0) || ' ' || coalesce(avg(length(submission) + length(response))::int, 0) from src;"
  for v in $VARIANTS; do setup "$v"; done
  for r in $(seq 1 "$ROUNDS"); do
    for v in $VARIANTS; do
      echo "\\set ON_ERROR_STOP 0"
      echo "checkpoint;"
      echo "\\set ON_ERROR_STOP 1"
      round "$v"
    done
  done
  for v in $VARIANTS; do
    echo "select 'size $v ' || pg_total_relation_size('cost_$v.determination') || ' ' || pg_relation_size('cost_$v.determination') || ' ' || (select count(*) from cost_$v.determination);"
  done
  for v in $VARIANTS; do echo "drop schema cost_$v cascade;"; done
} | psql_ 2>&1 | tee "${RAW:-/dev/null}" | awk -v ticks="$(getconf CLK_TCK)" '
  /^rows / { n = $2; printf "%d stored determinations copied; submission + response: %d bytes as stored (compressed), %d as text\n", $2, $3, $4; next }
  /^variant / { variant = $2; next }
  /^Insert on / { table = $3; next }
  /WAL:/ { rec = 0; fpi = 0; bytes = 0
           for (i = 1; i <= NF; i++) { split($i, kv, "="); if (kv[1] == "records") rec = kv[2]; if (kv[1] == "fpi") fpi = kv[2]; if (kv[1] == "bytes") bytes = kv[2] }
           if (table == "determination") { w[variant] = w[variant] "|" bytes; f[variant] += fpi; wd[variant] += bytes } else { wr[variant] += bytes }
           next }
  /^cpu / { cd[$2] = cd[$2] " " sprintf("%.3f", $3 * 1000 / ticks / n); cr[$2] = cr[$2] " " sprintf("%.3f", $4 * 1000 / ticks / n); rounds[$2]++; next }
  /^size / { printf "%s: determination %.0f bytes a row with its indexes and TOAST (%.0f in the heap alone)\n", $2, $3 / $5, $4 / $5; next }
  /ERROR|WARNING/ { print }
  END {
    print "| variant | CPU ms per determination row, by round | CPU ms per review event + status, by round | WAL bytes per determination row (mean) | of it full-page images (count per 1,000 rows) | WAL bytes per review event + status |"
    print "|---|---|---|---:|---:|---:|"
    for (v in cd) printf "| %s |%s |%s | %.0f | %.0f | %.0f |\n", v, cd[v], cr[v], wd[v] / rounds[v] / n, f[v] / rounds[v] / n * 1000, wr[v] / rounds[v] / n
  }'

-- The automotive schedule a part was determined under (SOR/2020-155 Part 6: Table B-G, s.14-s.16) and the net-cost RVC it
-- required, as columns: a vehicle submission that names this determination as a core part's evidence reads them here
-- instead of parsing the stored response (issue 12). Rows stored before this migration get them from their response.
alter table determination add column part_schedule varchar(64), add column part_net_cost_threshold numeric(7, 3);

update determination
   set part_schedule = response::jsonb #>> '{automotive,thresholds,schedule}',
       part_net_cost_threshold = (response::jsonb #>> '{automotive,thresholds,netCost}')::numeric
 where response like '%"thresholds"%'
   and response::jsonb #> '{automotive,thresholds}' is not null
   and jsonb_typeof(response::jsonb #> '{automotive,thresholds}') = 'object';

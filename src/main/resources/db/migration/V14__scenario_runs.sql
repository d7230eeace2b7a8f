-- Scenario runs (issue 18): a scenario applied to stored determinations is a re-determination job with a scenario, so it
-- shares the re-determination machinery (chunks claimed with FOR UPDATE SKIP LOCKED, round-robin across tenants,
-- resumed after a restart). For such a job an item's old_status is the status under the law in force on the same date
-- (re-evaluated, not the stored one, so only the scenario's effect shows), and new_status the status under the scenario.
alter table redetermination_job add column scenario_id text;
-- The filter as requested (JSON), kept with the job so its summary can say which determinations it covered.
alter table redetermination_job add column filter text;

-- What a change is about, for the summary by chapter and by value, and why it changes (JSON list of reasons).
alter table redetermination_item add column chapter text;
alter table redetermination_item add column good_value numeric;
alter table redetermination_item add column currency text;
alter table redetermination_item add column reasons text;

-- A scenario run is never "the same job" as a re-determination, nor as another run (its filter may differ): it is inserted
-- with targeted = true, which V13's partial unique index leaves out. (Changing that index's predicate would break the
-- ON CONFLICT inference of RedeterminationService.create, whose WHERE clause must imply it.)
create index redetermination_item_changed on redetermination_item (job_id) where changed;

-- =============================================================================
-- Which process runs an inline day regeneration, so a restart can take it up
-- =============================================================================
-- 20261125120000 lets a restarted server take up the whole-plan runs of an
-- inline process that died; one-day regenerations had no holder, so after a
-- kill -9 mid-run the day read 'generating' until the staleness limit, and a
-- graceful stop failed it. The inline runner now writes its name on the day
-- runs it holds too; the next process to start takes up those whose holder is
-- gone (same day-generation id, from the beginning: save-day's guard makes
-- that safe) and says so on the plan. The run's request (plan, org, day-
-- generation id, day) is already on the row, so no request column is needed.
-- No new table: two more server-owned columns of meal_plans, which coaches can
-- read under the existing row-level security but not write (the column grants
-- of 20261124090500 do not include them).

alter table public.meal_plans
  add column day_generation_runner text
    check (day_generation_runner is null or day_generation_runner ~ '^inline:'),
  add column day_generation_resumed_at timestamptz;

comment on column public.meal_plans.day_generation_runner is
  'inline:<host>:<pid>:<nonce> of the process running this plan''s inline day run, inline:stopped after a graceful stop; null for Inngest runs.';
comment on column public.meal_plans.day_generation_resumed_at is
  'When a restarted server last took up this plan''s interrupted inline day run (null if never).';

-- Recovery on start looks only at generating day runs held by an inline runner.
create index meal_plans_inline_day_generating_idx on public.meal_plans (day_generation_runner)
  where day_generation_status = 'generating' and day_generation_runner is not null;

-- =============================================================================
-- Generation heartbeat
-- =============================================================================
-- A run is "stale" (may be restarted, and is reported as failed) only when it
-- has stopped making progress, not merely because it has been running a while:
-- a long plan on Inngest can legitimately take many minutes. Every step of a
-- run touches this column.

alter table public.meal_plans
  add column generation_heartbeat_at timestamptz;

comment on column public.meal_plans.generation_heartbeat_at is
  'Last time the current generation run (or /generate/start) showed signs of life; staleness is measured from here.';

-- Plans already generating count their start as their last sign of life.
update public.meal_plans
set generation_heartbeat_at = generation_started_at
where generation_status = 'generating' and generation_heartbeat_at is null;

-- =============================================================================
-- A coach's hand edits: locked items and each day's history (undo)
-- =============================================================================
-- Issue 27: a coach sets grams, adds, removes and moves foods, locks items and
-- rebalances the rest of a day, and may undo each edit. The server writes all
-- of it on its own connection, under the plan's row lock (src/server/
-- day-edits.ts); coaches keep the SELECT they had and get nothing new.

-- 1. A locked item keeps its food and grams when the day is rebalanced or
--    another of its foods swapped. Read with the plan (table-level SELECT
--    covers the column); only the server writes it.
alter table public.meal_plan_items add column locked boolean not null default false;
comment on column public.meal_plan_items.locked is
  'Set by the coach through the server: the item keeps its food and grams when the rest of its day is re-solved.';

-- 2. The day as it was before each edit, newest last: undo restores the newest
--    snapshot and drops it. It goes with its day (a regenerated day is a new
--    row, with no history). Server-only: the snapshot is the server's format.
create table public.meal_plan_day_edits (
  id bigint generated always as identity primary key,
  day_id uuid not null references public.meal_plan_days (id) on delete cascade,
  -- What the edit was ("grams", "add", "remove", "move", "lock", "rebalance", "swap"), for the undo button's label.
  kind text not null check (kind in ('grams', 'add', 'remove', 'move', 'lock', 'unlock', 'rebalance', 'swap')),
  -- The day before the edit: its meals' titles and its items, totals and misses.
  snapshot jsonb not null,
  created_at timestamptz not null default now()
);
comment on table public.meal_plan_day_edits is
  'Each day''s history of hand edits: the day before each edit, for undo. Written and read by the server only.';
create index meal_plan_day_edits_day_id_idx on public.meal_plan_day_edits (day_id, id);

alter table public.meal_plan_day_edits enable row level security;
revoke all on table public.meal_plan_day_edits from anon, authenticated;
grant all on table public.meal_plan_day_edits to service_role;

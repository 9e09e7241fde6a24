-- =============================================================================
-- Drafted days: each chunk's days as the model answered them, while a run plans
-- =============================================================================
-- Issue 31: a coach watches the plan being written. When a chunk's answer has
-- passed its checks, the run stores its days here (src/server/generation-
-- store.ts, addDaysDone: the same statement that counts the days done), keyed
-- by the run's generation id and the day number, so a retried or replayed
-- step writes each day once. The status read returns the current run's drafts
-- (src/server/plans.ts, readGenerationStatus). Drafts are the foods and grams
-- as answered and checked, before scale, dedup and balance; save, cancel and
-- a new start delete the plan's drafts, and the read shows only the drafts of
-- the plan's current, still generating run.
create table public.meal_plan_drafts (
  plan_id uuid not null references public.meal_plans (id) on delete cascade,
  -- The plan's org, copied at write time, so the read policy compares a column once per row
  -- with the caller's org (read once per statement) instead of looking the plan up for each row.
  org_id uuid not null references public.orgs (id) on delete cascade,
  generation_id uuid not null,
  day_number int not null check (day_number between 1 and 28),
  -- The day as drafted: its meals with each item's food id, name and grams, and the day's totals (src/generation/drafts/draft-day.ts).
  day jsonb not null,
  created_at timestamptz not null default now(),
  primary key (plan_id, generation_id, day_number)
);
comment on table public.meal_plan_drafts is
  'Days of a running generation as the model answered them (checked, before scale, dedup and balance). Written by the server; read by coaches of the plan''s org while the run is live.';

alter table public.meal_plan_drafts enable row level security;
revoke all on table public.meal_plan_drafts from anon, authenticated;
grant select on table public.meal_plan_drafts to authenticated;
grant all on table public.meal_plan_drafts to service_role;
create policy "members read their org's drafted days" on public.meal_plan_drafts
  for select to authenticated
  using (org_id = (select public.caller_org_id()));

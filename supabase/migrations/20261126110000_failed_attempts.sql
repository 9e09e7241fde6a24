-- =============================================================================
-- Every failed attempt of a run, recorded as it happens
-- =============================================================================
-- A step that fails is tried again (src/inngest/retry-policy.ts). The inline
-- runner kept each attempt's fault in memory, so its generation_error named
-- every group of days and what each attempt met; on Inngest the failure
-- handler sees only the last error, so the message named one day. Now each
-- failed attempt appends a short entry here from inside the step, on both
-- engines, and the failure message is built from this list. The entry also
-- gives the time of the group's first failure, which the retry schedule
-- needs to end a repeating failure within its window on Inngest, where one
-- attempt does not see the previous one.
--
-- Entries are { days, fault, at }: "day 5", "answer cut off", a timestamp.
-- They are built from status codes and error kinds only (never a key, a
-- prompt or the provider's text). Emptied when a run loads its plan, so they
-- describe the current run. Server-owned columns: coaches read them under the
-- existing row-level security, and cannot write them (the column grants of
-- 20261124090500 do not include them).

alter table public.meal_plans
  add column generation_attempts jsonb not null default '[]'::jsonb
    check (jsonb_typeof(generation_attempts) = 'array'),
  add column day_generation_attempts jsonb not null default '[]'::jsonb
    check (jsonb_typeof(day_generation_attempts) = 'array');

comment on column public.meal_plans.generation_attempts is
  'Failed attempts of the current whole-plan run, in order: [{ days, fault, at }]. Emptied when the run loads the plan.';
comment on column public.meal_plans.day_generation_attempts is
  'Failed attempts of the current one-day run, in order: [{ days, fault, at }]. Emptied when the run loads the plan.';

-- Grants: nothing new. Coaches read these columns with the row (table-level
-- select, under the plan's RLS policy; the entries name days and fault kinds,
-- never prompts or keys); only the server's connection writes them (no column
-- grant to authenticated, as for every generation column).

-- =============================================================================
-- Regenerating one meal of a day
-- =============================================================================
-- Issue 27: a coach regenerates one meal. It is a day run with a meal scope
-- (the same columns, the same function, the same one-run-per-plan rule), so a
-- meal run and a day run refuse each other while one writes the plan. The
-- regenerated meal is written into the day in place and the day as it was is
-- kept in its history, so Undo takes the meal back.

-- 1. The meal a day run regenerates; null when it regenerates the whole day.
--    The server's alone, like every day_generation_ column (coaches have no
--    column grant on it).
alter table public.meal_plans
  add column day_generation_meal text check (day_generation_meal is null or length(day_generation_meal) between 1 and 40);
comment on column public.meal_plans.day_generation_meal is
  'The meal (by name) that day run regenerates; null when it regenerates the whole day.';

-- 2. The history names a meal regeneration, for the Undo button's label.
alter table public.meal_plan_day_edits drop constraint meal_plan_day_edits_kind_check;
alter table public.meal_plan_day_edits add constraint meal_plan_day_edits_kind_check
  check (kind in ('grams', 'add', 'remove', 'move', 'lock', 'unlock', 'rebalance', 'swap', 'regenerate-meal'));

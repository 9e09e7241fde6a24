-- =============================================================================
-- Days that miss their macro split say so
-- =============================================================================
-- The balance step re-solves every day's grams so calories are on target and
-- each macro's energy share is as close to the plan's split as the day's foods
-- allow. When even a swapped-in food cannot bring a day within tolerance, the
-- day is still saved (its calories are right) with how far each macro is off,
-- so the plan page can show it beside the day instead of hiding it.
-- Row-level security and grants on meal_plan_days are unchanged: a coach reads
-- this column wherever they may read the day.

alter table public.meal_plan_days
  add column macro_miss jsonb
    check (
      macro_miss is null
      or (jsonb_typeof(macro_miss) = 'object' and macro_miss ?& array['protein_pts', 'carb_pts', 'fat_pts'])
    );

comment on column public.meal_plan_days.macro_miss is
  'null when every macro is within tolerance of the split; otherwise {protein_pts, carb_pts, fat_pts}: each macro''s energy share minus its target, in percentage points (negative = short).';

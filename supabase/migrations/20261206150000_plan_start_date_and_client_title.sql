-- =============================================================================
-- A plan's start date and the title its client reads
-- =============================================================================
-- start_date: optional; with it, each day of the plan is labelled with its
-- weekday and date ("Day 3 · Wednesday 9 December"). Bounded so a typo (year
-- 20026) is refused by the database as well as by the API.
-- client_title: optional; the title of the client's copy (the shared page and
-- print), separate from the coach's internal `name`. Without it the client
-- reads "Meal plan for <client's first name>" (or "Your meal plan").
alter table public.meal_plans
  add column start_date date
    constraint meal_plans_start_date_range check (start_date between date '2000-01-01' and date '2100-12-31'),
  add column client_title text
    constraint meal_plans_client_title_length check (client_title is null or length(btrim(client_title)) between 1 and 120);

comment on column public.meal_plans.start_date is 'The date of day 1, when the coach set one (labels each day with its weekday and date).';
comment on column public.meal_plans.client_title is 'The title the client reads on the shared page and print; null: derived from the client''s first name.';

-- Both belong to the plan's brief, which is the coach's to write (as name is).
grant insert (start_date, client_title), update (start_date, client_title) on table public.meal_plans to authenticated;

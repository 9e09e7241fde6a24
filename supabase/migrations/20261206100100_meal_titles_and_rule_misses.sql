-- =============================================================================
-- Meals a client can read: a dish title and a one-line preparation per meal,
-- and the meal rules a day could not meet
-- =============================================================================
-- A meal was a list of foods under "Lunch". Each meal now has a short title
-- ("Chicken rice bowl with broccoli") and one line of preparation, written by
-- the model and sanitised (src/generation/meals/dish-titles.ts), or derived
-- from the meal's foods when the model gave none or its foods changed.
--
-- A day whose meals cannot meet their pattern with the foods the plan may use
-- is saved with which rule each meal breaks and why (meal_misses), shown on
-- the day card the way macro_miss is. Grants and row-level security are
-- unchanged: these rows are written only by the server, coaches read them.

alter table public.meal_plan_meals
  add column title text check (title is null or length(title) between 1 and 80),
  add column preparation text check (preparation is null or length(preparation) between 1 and 200);

comment on column public.meal_plan_meals.title is 'The dish, as a client reads it (sanitised model text or derived from the foods).';
comment on column public.meal_plan_meals.preparation is 'One line on how to put the meal together.';

alter table public.meal_plan_days
  add column meal_misses jsonb
    check (meal_misses is null or jsonb_typeof(meal_misses) = 'array');

comment on column public.meal_plan_days.meal_misses is
  'null when every meal meets its pattern; otherwise [{meal, rule, text, why}]: each broken meal rule and why the plan''s foods could not meet it.';

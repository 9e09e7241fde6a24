-- =============================================================================
-- The meal model of the catalogue: a food's role on the plate, the meals it
-- suits, and the most one meal holds
-- =============================================================================
-- Plans hit their calories and macros yet served cod at breakfast, a lunch of
-- plant milks, a snack of olive oil: nothing said what a food is on a plate.
-- Each food now carries
--   plate_role      main_protein | protein_side | starch | vegetable | fruit |
--                   fat | drink | condiment | supplement
--   meal_types      the meals it may be served at (breakfast, lunch, dinner, snack)
--   max_per_meal_g  the most one meal holds, where a cap makes sense (milks,
--                   oils, nuts and seeds, powders, condiments); null elsewhere
-- src/generation/meals/plate.ts says what each role means; the meal patterns
-- (src/generation/meals/meal-patterns.ts) are written in these terms.
--
-- Existing rows, and a coach's own foods inserted without them, take their
-- food group's defaults from the trigger below (the same table as
-- FOOD_GROUP_PLATE_DEFAULTS in plate.ts; a test holds the two together).
-- seed.sql sets every global food explicitly. Grants and row-level security
-- on foods are unchanged: a coach may set these columns on their org's own
-- foods as on any other column.

alter table public.foods
  add column plate_role text
    check (plate_role in ('main_protein', 'protein_side', 'starch', 'vegetable', 'fruit', 'fat', 'drink',
                          'condiment', 'supplement')),
  add column meal_types text[]
    check (cardinality(meal_types) between 1 and 4
           and meal_types <@ array['breakfast', 'lunch', 'dinner', 'snack']::text[]),
  add column max_per_meal_g numeric(6, 1)
    check (max_per_meal_g is null or (max_per_meal_g > 0 and max_per_meal_g <= 2000));

comment on column public.foods.plate_role is
  'What the food is on a plate; src/generation/meals/plate.ts documents the rule of each role.';
comment on column public.foods.meal_types is 'The meals the food may be served at.';
comment on column public.foods.max_per_meal_g is
  'The most grams one meal holds (drinks, oils, nuts, powders, condiments); null: no cap beyond portion bounds.';

-- A food's group decides its plate model until someone says otherwise.
create function public.foods_plate_defaults() returns trigger
  language plpgsql
  set search_path = ''
as $$
begin
  if new.plate_role is null then
    new.plate_role := case new.food_group
      when 'protein' then 'main_protein'
      when 'dairy' then 'protein_side'
      when 'vegetable' then 'vegetable'
      when 'fruit' then 'fruit'
      when 'fat' then 'fat'
      else 'starch' -- breakfast, starch, snack
    end;
  end if;
  if new.meal_types is null then
    new.meal_types := case new.food_group
      when 'breakfast' then array['breakfast']
      when 'protein' then array['lunch', 'dinner']
      when 'starch' then array['lunch', 'dinner']
      when 'vegetable' then array['lunch', 'dinner']
      when 'fruit' then array['breakfast', 'snack']
      when 'dairy' then array['breakfast', 'snack']
      when 'fat' then array['breakfast', 'lunch', 'dinner']
      else array['snack']
    end;
    if new.max_per_meal_g is null and new.food_group = 'fat' then
      new.max_per_meal_g := 30;
    end if;
  end if;
  return new;
end;
$$;

create trigger foods_plate_defaults
  before insert or update of food_group, plate_role, meal_types on public.foods
  for each row execute function public.foods_plate_defaults();

-- Existing rows take their group's defaults; then every row has a role and meals.
update public.foods set plate_role = null, meal_types = null where plate_role is null;
alter table public.foods
  alter column plate_role set not null,
  alter column meal_types set not null;

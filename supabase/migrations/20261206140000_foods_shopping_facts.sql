-- =============================================================================
-- The shopping facts of the catalogue: the name a food is bought under, its
-- aisle, its cooked yield, and the unit people count it in
-- =============================================================================
-- The grocery list summed the grams eaten: it asked to buy "Bulgur, cooked",
-- 1.49 kg of cooked oatmeal and 9 g of rice cakes, and split breads over two
-- food groups. Each food now carries
--   buy_as          the name to buy it under, in the form it is sold ("Bulgur (dry)",
--                   "Chicken breast, boneless, skinless (raw)", "Eggs, large");
--                   foods bought as one thing (boiled and poached eggs) share it
--   aisle           produce | bakery | meat_fish | dairy_eggs | grains_pasta |
--                   breakfast_cereals | canned_dried | frozen | nuts_seeds |
--                   oils_condiments | snacks | supplements: one grocery section each
--   cooked_yield    grams of the food as eaten per gram as bought (raw or dry):
--                   2.8 for long-grain white rice (1 g dry makes 2.8 g cooked),
--                   0.75 for a roasted boneless chicken breast, 1 for foods eaten
--                   as bought. The list buys grams eaten / cooked_yield.
--   count_unit      the unit people count the food in ("egg", "slice", "tortilla",
--                   "can", "rice cake"), singular; null for foods bought by weight
--   grams_per_unit  grams of one such unit as bought (a large egg 50 g, a can of
--                   tuna 112 g drained); set exactly when count_unit is
--
-- Where the yields come from (docs/decisions/020-grocery-list-yields-and-counts.md):
-- meat, poultry and fish from the USDA Table of Cooking Yields for Meat and
-- Poultry, Release 2 (2014), rounded to 0.05 for the cooking method the food's
-- name states; grains, pasta and dried legumes as USDA's nutrient
-- retention and yield work computes a yield when nothing is lost to the water:
-- the energy per 100 g of the USDA FoodData Central SR Legacy dry record over
-- that of the cooked record (bulgur 342 / 83 = 4.1), rounded to 0.05.
-- Vegetables are 1 (their boiled and raw weights are within a tenth), except
-- mushrooms, which lose a fifth to a quarter of their weight.
--
-- A coach's own foods inserted without them take defaults from the trigger
-- below: buy_as its name, aisle its food group's (the same table as
-- FOOD_GROUP_AISLES in src/generation/grocery/shopping-facts.ts; a test holds
-- the two together), cooked_yield 1, no count. seed.sql sets every global food
-- explicitly. Grants and row-level security on foods are unchanged: a coach
-- may set these columns on their org's own foods as on any other column.

alter table public.foods
  add column buy_as text
    check (length(btrim(buy_as)) between 1 and 120),
  add column aisle text
    check (aisle in ('produce', 'bakery', 'meat_fish', 'dairy_eggs', 'grains_pasta', 'breakfast_cereals',
                     'canned_dried', 'frozen', 'nuts_seeds', 'oils_condiments', 'snacks', 'supplements')),
  add column cooked_yield numeric(4, 2) not null default 1
    check (cooked_yield between 0.2 and 8),
  add column count_unit text
    check (count_unit is null or length(btrim(count_unit)) between 1 and 30),
  add column grams_per_unit numeric(6, 1)
    check (grams_per_unit is null or (grams_per_unit > 0 and grams_per_unit <= 5000)),
  add constraint foods_count_unit_has_grams check ((count_unit is null) = (grams_per_unit is null));

comment on column public.foods.buy_as is
  'The name to buy the food under, in the form it is sold ("Bulgur (dry)"); foods bought as one thing share it.';
comment on column public.foods.aisle is 'The grocery list section the food is bought in, one per aisle.';
comment on column public.foods.cooked_yield is
  'Grams as eaten per gram as bought (raw or dry); USDA cooking yields (meat 2014 table; grains and legumes '
  'from SR Legacy dry/cooked energy). The grocery list buys grams eaten / cooked_yield.';
comment on column public.foods.count_unit is
  'The unit people count the food in ("egg", "slice", "can"), singular; null when bought by weight.';
comment on column public.foods.grams_per_unit is 'Grams of one count_unit as bought; set exactly when count_unit is.';

-- A food is bought under its own name in its group's aisle until someone says otherwise.
create function public.foods_shopping_defaults() returns trigger
  language plpgsql
  set search_path = ''
as $$
begin
  if new.buy_as is null then
    new.buy_as := new.name;
  end if;
  if new.aisle is null then
    new.aisle := case new.food_group
      when 'breakfast' then 'breakfast_cereals'
      when 'protein' then 'meat_fish'
      when 'starch' then 'grains_pasta'
      when 'vegetable' then 'produce'
      when 'fruit' then 'produce'
      when 'dairy' then 'dairy_eggs'
      when 'fat' then 'oils_condiments'
      else 'snacks' -- snack
    end;
  end if;
  return new;
end;
$$;

create trigger foods_shopping_defaults
  before insert or update of buy_as, aisle on public.foods
  for each row execute function public.foods_shopping_defaults();

-- Existing rows take the defaults (seed.sql then sets the global foods'); then every row has a name to buy and an aisle.
update public.foods set buy_as = null, aisle = null where buy_as is null;
alter table public.foods
  alter column buy_as set not null,
  alter column aisle set not null;

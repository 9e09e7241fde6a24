-- =============================================================================
-- Local / demo seed data
-- =============================================================================
-- Applied after the migrations on every local start (see
-- src/server/database/migrate.ts) and by `supabase db reset`. Idempotent: every
-- insert is ON CONFLICT ... DO NOTHING (the foods' meal model and shopping facts
-- DO UPDATE, to the same values), so running it again changes nothing.
--
-- Contents
--   * two orgs, one coach (owner) in each, one client in each: enough to see
--     that org A never reads org B's rows;
--   * the global food catalogue (foods.org_id is null).
--
-- Food values are per 100 g of the food in the form its name states (raw,
-- cooked, dry, ...). They come from USDA FoodData Central, SR Legacy, where the
-- food is in it (rounded to 0.1, as the columns store); rows marked
-- "-- approx." have no matching SR Legacy record (or none that represents the
-- food as usually sold) and use typical label values instead.
-- Every row satisfies kcal ~= 4*protein + 4*carbs + 9*fat within 15 %
-- (or, for fibre-rich plants, 4*P + 4*(carbs - fibre) + 2*fibre + 9*F).
--
-- diet_tags are the diets a food FITS: vegan foods carry vegan, vegetarian and
-- pescatarian; other vegetarian foods vegetarian and pescatarian; fish and
-- shellfish pescatarian; meat none of the three. gluten_free / dairy_free are
-- set only where true for the food as commonly sold; when unsure, the tag is
-- left off. In particular: plain oats are NOT gluten_free (only the row named
-- "certified gluten-free" is) and are listed with allergen gluten because of
-- cross-contact; hard cheeses made with animal rennet (parmesan) carry no
-- vegetarian tag. Coconut is not counted as a tree nut.
--
-- plate_role, meal_types and max_per_meal_g are the meal model
-- (src/generation/meals/plate.ts documents each role): meat and fish are main
-- proteins for lunch and dinner only; eggs, dairy and legumes protein sides;
-- milks and kefir drinks (at most 300 g a meal); oils and butter at most 15 g,
-- nuts 40 g, nut butters 32 g, seeds 30 g a meal; powders 40 g, breakfast or
-- snack only.
--
-- buy_as, aisle, cooked_yield, count_unit and grams_per_unit are the shopping
-- facts (supabase/migrations/20261206140000_foods_shopping_facts.sql says what
-- each means and where the yields come from; docs/decisions/020-grocery-list-
-- yields-and-counts.md the reasons): cooked grains and dried legumes are bought
-- dry, meat and fish raw; eggs, slices, tortillas, cans, bars and whole fruit
-- are counted.
-- =============================================================================


-- -----------------------------------------------------------------------------
-- Orgs
-- -----------------------------------------------------------------------------
insert into public.orgs (id, name) values
  ('a0000000-0000-4000-8000-000000000001', 'Demo Coaching'),
  ('a0000000-0000-4000-8000-000000000002', 'Other Gym')
on conflict (id) do nothing;

-- -----------------------------------------------------------------------------
-- Coaches (auth.users): only the columns the project's auth.users subset has.
-- No target on the conflict clause: a user that already exists under the same
-- id or the same email is left alone.
-- -----------------------------------------------------------------------------
insert into auth.users (id, email, aud, role, raw_user_meta_data) values
  ('b0000000-0000-4000-8000-000000000001', 'coach@demo.test', 'authenticated', 'authenticated',
   '{"full_name": "Demo Coach"}'::jsonb),
  ('b0000000-0000-4000-8000-000000000002', 'coach@other.test', 'authenticated', 'authenticated',
   '{"full_name": "Other Coach"}'::jsonb)
on conflict do nothing;

-- -----------------------------------------------------------------------------
-- Memberships: each coach owns its org
-- -----------------------------------------------------------------------------
insert into public.org_members (org_id, user_id, role) values
  ('a0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000001', 'owner'),
  ('a0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000002', 'owner')
on conflict (org_id, user_id) do nothing;

-- -----------------------------------------------------------------------------
-- Clients: one per org
-- -----------------------------------------------------------------------------
insert into public.clients (id, org_id, full_name, email) values
  ('c0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000001', 'Alex Rivera', 'alex.rivera@demo.test'),
  ('c0000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000002', 'Sam Patel', 'sam.patel@other.test')
on conflict (id) do nothing;

-- -----------------------------------------------------------------------------
-- Global food catalogue (org_id null), per 100 g
-- -----------------------------------------------------------------------------
insert into public.foods
  (name, food_group, family, kcal_per_100g, protein_per_100g, carbs_per_100g, fat_per_100g,
   fibre_per_100g, default_portion_g, diet_tags, allergens, plate_role, meal_types, max_per_meal_g,
   buy_as, aisle, cooked_yield, count_unit, grams_per_unit)
values
  -- breakfast: cereals, porridges, breads, pancakes
  ('Oats, rolled, dry', 'breakfast', 'oats', 379.0, 13.2, 67.7, 6.5, 10.1, 40.0, '{vegetarian,vegan,pescatarian,dairy_free}', '{gluten}', 'starch', '{breakfast}', null, 'Oats, rolled', 'breakfast_cereals', 1.00, null, null),
  ('Oats, rolled, certified gluten-free, dry', 'breakfast', 'oats', 379.0, 13.2, 67.7, 6.5, 10.1, 40.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'starch', '{breakfast}', null, 'Oats, rolled, certified gluten-free', 'breakfast_cereals', 1.00, null, null),
  ('Oatmeal, cooked with water', 'breakfast', 'oats', 71.0, 2.5, 12.0, 1.5, 1.7, 250.0, '{vegetarian,vegan,pescatarian,dairy_free}', '{gluten}', 'starch', '{breakfast}', null, 'Oats, rolled (dry)', 'breakfast_cereals', 5.30, null, null),
  ('Cereal, corn flakes', 'breakfast', 'corn flakes', 357.0, 7.5, 84.1, 0.4, 3.3, 30.0, '{vegetarian,pescatarian,dairy_free}', '{gluten}', 'starch', '{breakfast}', null, 'Corn flakes', 'breakfast_cereals', 1.00, null, null),
  ('Cereal, shredded wheat, plain', 'breakfast', 'shredded wheat', 340.0, 11.0, 79.6, 2.0, 11.8, 45.0, '{vegetarian,vegan,pescatarian,dairy_free}', '{gluten}', 'starch', '{breakfast}', null, 'Shredded wheat', 'breakfast_cereals', 1.00, null, null), -- approx.
  ('Cereal, puffed rice, plain', 'breakfast', 'puffed rice', 402.0, 6.3, 89.8, 0.5, 1.7, 20.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'starch', '{breakfast}', null, 'Puffed rice cereal', 'breakfast_cereals', 1.00, null, null),
  ('Muesli, Swiss-style, with fruit and nuts', 'breakfast', 'muesli', 388.0, 9.5, 73.8, 6.3, 8.5, 45.0, '{vegetarian,pescatarian}', '{gluten,dairy,tree_nut}', 'starch', '{breakfast}', null, 'Muesli with fruit and nuts', 'breakfast_cereals', 1.00, null, null),
  ('Granola, homemade', 'breakfast', 'granola', 489.0, 13.7, 53.9, 24.3, 8.9, 45.0, '{vegetarian,pescatarian,dairy_free}', '{gluten,tree_nut}', 'starch', '{breakfast}', null, 'Granola', 'breakfast_cereals', 1.00, null, null),
  ('Cream of rice, cooked with water', 'breakfast', 'cream of rice', 52.0, 0.9, 11.5, 0.1, 0.1, 250.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'starch', '{breakfast}', null, 'Cream of rice (dry)', 'breakfast_cereals', 7.00, null, null),
  ('Grits, corn, cooked with water', 'breakfast', 'grits', 71.0, 1.7, 15.6, 0.5, 0.8, 240.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'starch', '{breakfast}', null, 'Corn grits (dry)', 'breakfast_cereals', 5.20, null, null),
  ('Bread, whole-wheat', 'breakfast', 'bread', 252.0, 12.4, 42.7, 3.5, 6.0, 60.0, '{vegetarian,pescatarian,dairy_free}', '{gluten}', 'starch', '{breakfast,lunch}', null, 'Whole-wheat bread', 'bakery', 1.00, 'slice', 32.0),
  ('Bread, white', 'breakfast', 'bread', 266.0, 8.8, 49.4, 3.3, 2.7, 50.0, '{vegetarian,pescatarian,dairy_free}', '{gluten}', 'starch', '{breakfast,lunch}', null, 'White bread', 'bakery', 1.00, 'slice', 27.0),
  ('Bread, multigrain', 'breakfast', 'bread', 265.0, 13.4, 43.3, 4.2, 7.4, 60.0, '{vegetarian,pescatarian,dairy_free}', '{gluten}', 'starch', '{breakfast,lunch}', null, 'Multigrain bread', 'bakery', 1.00, 'slice', 26.0),
  ('Bread, sourdough', 'breakfast', 'bread', 272.0, 10.8, 51.9, 2.4, 2.2, 60.0, '{vegetarian,vegan,pescatarian,dairy_free}', '{gluten}', 'starch', '{breakfast,lunch}', null, 'Sourdough bread', 'bakery', 1.00, 'slice', 32.0),
  ('Bread, rye', 'breakfast', 'bread', 259.0, 8.5, 48.3, 3.3, 5.8, 60.0, '{vegetarian,vegan,pescatarian,dairy_free}', '{gluten}', 'starch', '{breakfast,lunch}', null, 'Rye bread', 'bakery', 1.00, 'slice', 32.0),
  ('Bagel, plain', 'breakfast', 'bagel', 257.0, 10.5, 50.5, 1.6, 2.1, 100.0, '{vegetarian,vegan,pescatarian,dairy_free}', '{gluten}', 'starch', '{breakfast,lunch}', null, 'Plain bagels', 'bakery', 1.00, 'bagel', 98.0),
  ('English muffin, whole-wheat', 'breakfast', 'english muffin', 203.0, 8.8, 40.4, 2.1, 6.7, 60.0, '{vegetarian,pescatarian,dairy_free}', '{gluten}', 'starch', '{breakfast}', null, 'Whole-wheat English muffins', 'bakery', 1.00, 'muffin', 66.0),
  ('Crispbread, rye', 'breakfast', 'crispbread', 334.0, 9.6, 80.4, 0.9, 22.9, 20.0, '{vegetarian,vegan,pescatarian,dairy_free}', '{gluten}', 'starch', '{breakfast,lunch,snack}', null, 'Rye crispbread', 'bakery', 1.00, 'crispbread', 10.0),
  ('Pancakes, plain, prepared from recipe', 'breakfast', 'pancake', 227.0, 6.4, 28.3, 9.7, 0.9, 120.0, '{vegetarian,pescatarian}', '{gluten,dairy,egg}', 'starch', '{breakfast}', null, 'Pancakes (or pancake mix)', 'bakery', 1.00, 'pancake', 38.0),
  ('Waffles, plain, prepared from recipe', 'breakfast', 'waffle', 291.0, 7.9, 32.9, 14.1, 0.9, 75.0, '{vegetarian,pescatarian}', '{gluten,dairy,egg}', 'starch', '{breakfast}', null, 'Waffles (or waffle mix)', 'bakery', 1.00, 'waffle', 75.0),
  ('French toast, prepared from recipe', 'breakfast', 'french toast', 229.0, 7.7, 25.0, 10.8, 0.0, 130.0, '{vegetarian,pescatarian}', '{gluten,dairy,egg}', 'starch', '{breakfast}', null, 'French toast (bread, egg, milk)', 'bakery', 1.00, 'slice', 65.0),
  ('Croissant, butter', 'breakfast', 'croissant', 406.0, 8.2, 45.8, 21.0, 2.6, 60.0, '{vegetarian,pescatarian}', '{gluten,dairy,egg}', 'starch', '{breakfast}', null, 'Butter croissants', 'bakery', 1.00, 'croissant', 57.0),
  -- protein: meat, fish, shellfish, eggs, soy, legumes
  ('Chicken breast, meat only, roasted', 'protein', 'chicken', 165.0, 31.0, 0.0, 3.6, 0.0, 120.0, '{gluten_free,dairy_free}', '{}', 'main_protein', '{lunch,dinner}', null, 'Chicken breast, boneless, skinless (raw)', 'meat_fish', 0.75, null, null),
  ('Chicken thigh, meat only, roasted', 'protein', 'chicken', 179.0, 24.8, 0.0, 8.2, 0.0, 120.0, '{gluten_free,dairy_free}', '{}', 'main_protein', '{lunch,dinner}', null, 'Chicken thighs, boneless, skinless (raw)', 'meat_fish', 0.70, null, null),
  ('Chicken drumstick, meat only, roasted', 'protein', 'chicken', 155.0, 24.2, 0.0, 5.7, 0.0, 120.0, '{gluten_free,dairy_free}', '{}', 'main_protein', '{lunch,dinner}', null, 'Chicken drumsticks, bone-in (raw)', 'meat_fish', 0.50, null, null),
  ('Turkey breast, meat only, roasted', 'protein', 'turkey', 147.0, 30.1, 0.0, 2.1, 0.0, 120.0, '{gluten_free,dairy_free}', '{}', 'main_protein', '{lunch,dinner}', null, 'Turkey breast, boneless (raw)', 'meat_fish', 0.75, null, null),
  ('Turkey, ground, 93% lean, pan-broiled', 'protein', 'turkey', 213.0, 27.1, 0.0, 11.6, 0.0, 120.0, '{gluten_free,dairy_free}', '{}', 'main_protein', '{lunch,dinner}', null, 'Ground turkey, 93% lean (raw)', 'meat_fish', 0.75, null, null),
  ('Beef, ground, 90% lean, pan-browned', 'protein', 'beef', 230.0, 28.4, 0.0, 12.0, 0.0, 120.0, '{gluten_free,dairy_free}', '{}', 'main_protein', '{lunch,dinner}', null, 'Ground beef, 90% lean (raw)', 'meat_fish', 0.75, null, null),
  ('Beef, top sirloin steak, lean only, broiled', 'protein', 'beef', 187.0, 29.5, 0.0, 6.7, 0.0, 120.0, '{gluten_free,dairy_free}', '{}', 'main_protein', '{lunch,dinner}', null, 'Top sirloin steak (raw)', 'meat_fish', 0.75, null, null),
  ('Pork tenderloin, lean only, roasted', 'protein', 'pork', 143.0, 26.2, 0.0, 3.5, 0.0, 120.0, '{gluten_free,dairy_free}', '{}', 'main_protein', '{lunch,dinner}', null, 'Pork tenderloin (raw)', 'meat_fish', 0.75, null, null),
  ('Pork loin chop, boneless, lean only, pan-broiled', 'protein', 'pork', 162.0, 30.0, 0.0, 4.7, 0.0, 120.0, '{gluten_free,dairy_free}', '{}', 'main_protein', '{lunch,dinner}', null, 'Pork loin chops, boneless (raw)', 'meat_fish', 0.75, null, null),
  ('Ham, sliced, regular', 'protein', 'ham', 164.0, 16.6, 3.6, 8.8, 1.3, 60.0, '{dairy_free}', '{}', 'main_protein', '{lunch}', null, 'Sliced ham', 'meat_fish', 1.00, null, null),
  ('Lamb leg, lean only, roasted', 'protein', 'lamb', 191.0, 28.3, 0.0, 7.7, 0.0, 120.0, '{gluten_free,dairy_free}', '{}', 'main_protein', '{lunch,dinner}', null, 'Lamb leg, boneless (raw)', 'meat_fish', 0.70, null, null),
  ('Salmon, Atlantic, farmed, cooked, dry heat', 'protein', 'salmon', 206.0, 22.1, 0.0, 12.4, 0.0, 120.0, '{pescatarian,gluten_free,dairy_free}', '{fish}', 'main_protein', '{lunch,dinner}', null, 'Salmon fillet, farmed (raw)', 'meat_fish', 0.80, null, null),
  ('Salmon, Atlantic, wild, cooked, dry heat', 'protein', 'salmon', 182.0, 25.4, 0.0, 8.1, 0.0, 120.0, '{pescatarian,gluten_free,dairy_free}', '{fish}', 'main_protein', '{lunch,dinner}', null, 'Salmon fillet, wild (raw)', 'meat_fish', 0.80, null, null),
  ('Tuna, light, canned in water, drained', 'protein', 'tuna', 86.0, 19.4, 0.0, 1.0, 0.0, 100.0, '{pescatarian,gluten_free,dairy_free}', '{fish}', 'main_protein', '{lunch,dinner}', null, 'Light tuna in water (cans)', 'canned_dried', 1.00, 'can', 112.0),
  ('Tuna, yellowfin, cooked, dry heat', 'protein', 'tuna', 130.0, 29.2, 0.0, 0.6, 0.0, 120.0, '{pescatarian,gluten_free,dairy_free}', '{fish}', 'main_protein', '{lunch,dinner}', null, 'Yellowfin tuna steak (raw)', 'meat_fish', 0.80, null, null),
  ('Cod, Atlantic, cooked, dry heat', 'protein', 'cod', 105.0, 22.8, 0.0, 0.9, 0.0, 140.0, '{pescatarian,gluten_free,dairy_free}', '{fish}', 'main_protein', '{lunch,dinner}', null, 'Cod fillet (raw)', 'meat_fish', 0.80, null, null),
  ('Tilapia, cooked, dry heat', 'protein', 'tilapia', 128.0, 26.2, 0.0, 2.7, 0.0, 130.0, '{pescatarian,gluten_free,dairy_free}', '{fish}', 'main_protein', '{lunch,dinner}', null, 'Tilapia fillet (raw)', 'meat_fish', 0.80, null, null),
  ('Haddock, cooked, dry heat', 'protein', 'haddock', 90.0, 20.0, 0.0, 0.6, 0.0, 140.0, '{pescatarian,gluten_free,dairy_free}', '{fish}', 'main_protein', '{lunch,dinner}', null, 'Haddock fillet (raw)', 'meat_fish', 0.80, null, null),
  ('Halibut, cooked, dry heat', 'protein', 'halibut', 111.0, 22.5, 0.0, 1.6, 0.0, 140.0, '{pescatarian,gluten_free,dairy_free}', '{fish}', 'main_protein', '{lunch,dinner}', null, 'Halibut fillet (raw)', 'meat_fish', 0.80, null, null),
  ('Trout, rainbow, farmed, cooked, dry heat', 'protein', 'trout', 168.0, 23.8, 0.0, 7.4, 0.0, 120.0, '{pescatarian,gluten_free,dairy_free}', '{fish}', 'main_protein', '{lunch,dinner}', null, 'Rainbow trout fillet (raw)', 'meat_fish', 0.80, null, null),
  ('Sardines, canned in oil, drained', 'protein', 'sardine', 208.0, 24.6, 0.0, 11.5, 0.0, 90.0, '{pescatarian,gluten_free,dairy_free}', '{fish}', 'main_protein', '{lunch,dinner}', null, 'Sardines in oil (cans)', 'canned_dried', 1.00, 'can', 92.0),
  ('Mackerel, Atlantic, cooked, dry heat', 'protein', 'mackerel', 262.0, 23.9, 0.0, 17.8, 0.0, 100.0, '{pescatarian,gluten_free,dairy_free}', '{fish}', 'main_protein', '{lunch,dinner}', null, 'Mackerel fillet (raw)', 'meat_fish', 0.80, null, null),
  ('Shrimp, cooked, moist heat', 'protein', 'shrimp', 99.0, 24.0, 0.2, 0.3, 0.0, 120.0, '{pescatarian,gluten_free,dairy_free}', '{shellfish}', 'main_protein', '{lunch,dinner}', null, 'Shrimp, peeled (raw)', 'meat_fish', 0.85, null, null),
  ('Scallops, steamed', 'protein', 'scallop', 111.0, 20.5, 5.4, 0.8, 0.0, 120.0, '{pescatarian,gluten_free,dairy_free}', '{shellfish}', 'main_protein', '{lunch,dinner}', null, 'Scallops (raw)', 'meat_fish', 0.75, null, null),
  ('Crab, blue, cooked, moist heat', 'protein', 'crab', 83.0, 17.9, 0.0, 0.7, 0.0, 120.0, '{pescatarian,gluten_free,dairy_free}', '{shellfish}', 'main_protein', '{lunch,dinner}', null, 'Crab meat (cooked)', 'meat_fish', 1.00, null, null),
  ('Mussels, blue, cooked, moist heat', 'protein', 'mussels', 172.0, 23.8, 7.4, 4.5, 0.0, 100.0, '{pescatarian,gluten_free,dairy_free}', '{shellfish}', 'main_protein', '{lunch,dinner}', null, 'Mussel meat (cooked)', 'frozen', 1.00, null, null),
  ('Egg, whole, hard-boiled', 'protein', 'egg', 155.0, 12.6, 1.1, 10.6, 0.0, 100.0, '{vegetarian,pescatarian,gluten_free,dairy_free}', '{egg}', 'protein_side', '{breakfast,lunch,dinner,snack}', null, 'Eggs, large', 'dairy_eggs', 1.00, 'egg', 50.0),
  ('Egg, whole, poached', 'protein', 'egg', 143.0, 12.5, 0.7, 9.5, 0.0, 100.0, '{vegetarian,pescatarian,gluten_free,dairy_free}', '{egg}', 'protein_side', '{breakfast,lunch,dinner,snack}', null, 'Eggs, large', 'dairy_eggs', 1.00, 'egg', 50.0),
  ('Egg whites, raw', 'protein', 'egg', 52.0, 10.9, 0.7, 0.2, 0.0, 130.0, '{vegetarian,pescatarian,gluten_free,dairy_free}', '{egg}', 'protein_side', '{breakfast,lunch,dinner}', null, 'Liquid egg whites', 'dairy_eggs', 1.00, null, null),
  ('Whey protein powder, unflavoured', 'protein', 'whey', 390.0, 78.0, 8.0, 6.0, 0.0, 30.0, '{vegetarian,pescatarian,gluten_free}', '{dairy}', 'supplement', '{breakfast,snack}', 40.0, 'Whey protein powder, unflavoured', 'supplements', 1.00, null, null), -- approx.
  ('Tofu, firm, raw', 'protein', 'tofu', 144.0, 17.3, 2.8, 8.7, 2.3, 120.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{soy}', 'main_protein', '{breakfast,lunch,dinner}', null, 'Firm tofu', 'dairy_eggs', 1.00, null, null),
  ('Tofu, regular, raw', 'protein', 'tofu', 76.0, 8.1, 1.9, 4.8, 0.3, 150.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{soy}', 'main_protein', '{breakfast,lunch,dinner}', null, 'Tofu', 'dairy_eggs', 1.00, null, null),
  ('Tempeh, soybean, plain', 'protein', 'tempeh', 192.0, 20.3, 7.6, 10.8, 0.0, 100.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{soy}', 'main_protein', '{lunch,dinner}', null, 'Tempeh', 'dairy_eggs', 1.00, null, null),
  ('Seitan (wheat gluten), prepared', 'protein', 'seitan', 140.0, 25.0, 5.5, 1.9, 0.6, 100.0, '{vegetarian,vegan,pescatarian,dairy_free}', '{gluten,soy}', 'main_protein', '{lunch,dinner}', null, 'Seitan', 'dairy_eggs', 1.00, null, null), -- approx.
  ('Textured soy protein (TVP), dry', 'protein', 'soy protein', 333.0, 52.0, 31.0, 1.2, 17.5, 30.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{soy}', 'main_protein', '{lunch,dinner}', null, 'Textured soy protein (TVP)', 'canned_dried', 1.00, null, null), -- approx.
  ('Edamame, frozen, prepared', 'protein', 'edamame', 121.0, 11.9, 8.9, 5.2, 5.2, 120.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{soy}', 'protein_side', '{lunch,dinner,snack}', null, 'Edamame, frozen', 'frozen', 1.00, null, null),
  ('Lentils, cooked, boiled', 'protein', 'lentils', 116.0, 9.0, 20.1, 0.4, 7.9, 150.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'protein_side', '{lunch,dinner}', null, 'Lentils (dry)', 'canned_dried', 3.00, null, null),
  ('Chickpeas, cooked, boiled', 'protein', 'chickpeas', 164.0, 8.9, 27.4, 2.6, 7.6, 150.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'protein_side', '{lunch,dinner}', null, 'Chickpeas (dry)', 'canned_dried', 2.30, null, null),
  ('Black beans, cooked, boiled', 'protein', 'beans', 132.0, 8.9, 23.7, 0.5, 8.7, 150.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'protein_side', '{lunch,dinner}', null, 'Black beans (dry)', 'canned_dried', 2.60, null, null),
  ('Kidney beans, cooked, boiled', 'protein', 'beans', 127.0, 8.7, 22.8, 0.5, 6.4, 150.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'protein_side', '{lunch,dinner}', null, 'Kidney beans (dry)', 'canned_dried', 2.60, null, null),
  ('Pinto beans, cooked, boiled', 'protein', 'beans', 143.0, 9.0, 26.2, 0.7, 9.0, 150.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'protein_side', '{lunch,dinner}', null, 'Pinto beans (dry)', 'canned_dried', 2.40, null, null),
  ('Navy beans, cooked, boiled', 'protein', 'beans', 140.0, 8.2, 26.1, 0.6, 10.5, 150.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'protein_side', '{lunch,dinner}', null, 'Navy beans (dry)', 'canned_dried', 2.40, null, null),
  ('White beans (cannellini), cooked, boiled', 'protein', 'beans', 139.0, 9.7, 25.1, 0.4, 6.3, 150.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'protein_side', '{lunch,dinner}', null, 'Cannellini beans (dry)', 'canned_dried', 2.40, null, null),
  ('Black-eyed peas, cooked, boiled', 'protein', 'black-eyed peas', 116.0, 7.7, 20.8, 0.5, 6.5, 150.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'protein_side', '{lunch,dinner}', null, 'Black-eyed peas (dry)', 'canned_dried', 2.90, null, null),
  ('Fava beans, cooked, boiled', 'protein', 'fava beans', 110.0, 7.6, 19.7, 0.4, 5.4, 150.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'protein_side', '{lunch,dinner}', null, 'Fava beans (dry)', 'canned_dried', 3.10, null, null),
  ('Mung beans, cooked, boiled', 'protein', 'mung beans', 105.0, 7.0, 19.2, 0.4, 7.6, 150.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'protein_side', '{lunch,dinner}', null, 'Mung beans (dry)', 'canned_dried', 3.30, null, null),
  ('Split peas, cooked, boiled', 'protein', 'split peas', 118.0, 8.3, 21.1, 0.4, 8.3, 150.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'protein_side', '{lunch,dinner}', null, 'Split peas (dry)', 'canned_dried', 2.90, null, null),
  ('Lupini beans, cooked, boiled', 'protein', 'lupini', 119.0, 15.6, 9.9, 2.9, 2.8, 120.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'protein_side', '{lunch,dinner,snack}', null, 'Lupini beans, jarred', 'canned_dried', 1.00, null, null),
  ('Pea protein powder, unflavoured', 'protein', 'pea protein', 375.0, 80.0, 3.0, 5.5, 1.0, 30.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'supplement', '{breakfast,snack}', 40.0, 'Pea protein powder, unflavoured', 'supplements', 1.00, null, null), -- approx.
  -- starch: grains, pasta, noodles, potatoes, tortillas
  ('Rice, white, long-grain, cooked', 'starch', 'rice', 130.0, 2.7, 28.2, 0.3, 0.4, 150.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'starch', '{lunch,dinner}', null, 'White long-grain rice (dry)', 'grains_pasta', 2.80, null, null),
  ('Rice, brown, long-grain, cooked', 'starch', 'rice', 123.0, 2.7, 25.6, 1.0, 1.6, 150.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'starch', '{lunch,dinner}', null, 'Brown long-grain rice (dry)', 'grains_pasta', 3.00, null, null),
  ('Wild rice, cooked', 'starch', 'wild rice', 101.0, 4.0, 21.3, 0.3, 1.8, 150.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'starch', '{lunch,dinner}', null, 'Wild rice (dry)', 'grains_pasta', 3.50, null, null),
  ('Quinoa, cooked', 'starch', 'quinoa', 120.0, 4.4, 21.3, 1.9, 2.8, 150.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'starch', '{lunch,dinner}', null, 'Quinoa (dry)', 'grains_pasta', 3.10, null, null),
  ('Pasta, cooked', 'starch', 'pasta', 158.0, 5.8, 30.9, 0.9, 1.8, 150.0, '{vegetarian,vegan,pescatarian,dairy_free}', '{gluten}', 'starch', '{lunch,dinner}', null, 'Pasta (dry)', 'grains_pasta', 2.35, null, null),
  ('Pasta, whole-wheat, cooked', 'starch', 'pasta', 149.0, 6.0, 30.1, 1.7, 3.9, 150.0, '{vegetarian,vegan,pescatarian,dairy_free}', '{gluten}', 'starch', '{lunch,dinner}', null, 'Whole-wheat pasta (dry)', 'grains_pasta', 2.35, null, null),
  ('Pasta, gluten-free, corn and rice, cooked', 'starch', 'pasta', 127.0, 2.3, 27.0, 0.7, 1.0, 150.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'starch', '{lunch,dinner}', null, 'Gluten-free pasta, corn and rice (dry)', 'grains_pasta', 2.80, null, null),
  ('Egg noodles, cooked', 'starch', 'egg noodles', 138.0, 4.5, 25.2, 2.1, 1.2, 150.0, '{vegetarian,pescatarian,dairy_free}', '{gluten,egg}', 'starch', '{lunch,dinner}', null, 'Egg noodles (dry)', 'grains_pasta', 2.80, null, null),
  ('Rice noodles, cooked', 'starch', 'rice noodles', 108.0, 1.8, 24.0, 0.2, 1.0, 150.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'starch', '{lunch,dinner}', null, 'Rice noodles (dry)', 'grains_pasta', 3.35, null, null),
  ('Soba noodles, cooked', 'starch', 'soba', 99.0, 5.1, 21.4, 0.1, 0.0, 150.0, '{vegetarian,vegan,pescatarian,dairy_free}', '{gluten}', 'starch', '{lunch,dinner}', null, 'Soba noodles (dry)', 'grains_pasta', 3.40, null, null),
  ('Couscous, cooked', 'starch', 'couscous', 112.0, 3.8, 23.2, 0.2, 1.4, 150.0, '{vegetarian,vegan,pescatarian,dairy_free}', '{gluten}', 'starch', '{lunch,dinner}', null, 'Couscous (dry)', 'grains_pasta', 3.35, null, null),
  ('Bulgur, cooked', 'starch', 'bulgur', 83.0, 3.1, 18.6, 0.2, 4.5, 150.0, '{vegetarian,vegan,pescatarian,dairy_free}', '{gluten}', 'starch', '{lunch,dinner}', null, 'Bulgur (dry)', 'grains_pasta', 4.10, null, null),
  ('Barley, pearled, cooked', 'starch', 'barley', 123.0, 2.3, 28.2, 0.4, 3.8, 150.0, '{vegetarian,vegan,pescatarian,dairy_free}', '{gluten}', 'starch', '{lunch,dinner}', null, 'Pearl barley (dry)', 'grains_pasta', 2.85, null, null),
  ('Buckwheat groats, roasted, cooked', 'starch', 'buckwheat', 92.0, 3.4, 19.9, 0.6, 2.7, 150.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'starch', '{breakfast,lunch,dinner}', null, 'Roasted buckwheat groats (dry)', 'grains_pasta', 3.75, null, null),
  ('Millet, cooked', 'starch', 'millet', 119.0, 3.5, 23.7, 1.0, 1.3, 150.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'starch', '{lunch,dinner}', null, 'Millet (dry)', 'grains_pasta', 3.20, null, null),
  ('Amaranth, cooked', 'starch', 'amaranth', 102.0, 3.8, 18.7, 1.6, 2.1, 150.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'starch', '{breakfast,lunch,dinner}', null, 'Amaranth (dry)', 'grains_pasta', 3.65, null, null),
  ('Teff, cooked', 'starch', 'teff', 101.0, 3.9, 19.9, 0.7, 2.8, 150.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'starch', '{lunch,dinner}', null, 'Teff (dry)', 'grains_pasta', 3.65, null, null),
  ('Corn tortillas', 'starch', 'corn tortilla', 218.0, 5.7, 44.6, 2.9, 6.3, 50.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'starch', '{breakfast,lunch,dinner}', null, 'Corn tortillas', 'bakery', 1.00, 'tortilla', 26.0),
  ('Flour tortillas', 'starch', 'flour tortilla', 306.0, 8.2, 49.4, 8.0, 3.5, 50.0, '{dairy_free}', '{gluten}', 'starch', '{breakfast,lunch,dinner}', null, 'Flour tortillas', 'bakery', 1.00, 'tortilla', 45.0),
  ('Potatoes, boiled, without skin', 'starch', 'potato', 86.0, 1.7, 20.0, 0.1, 1.8, 200.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'starch', '{lunch,dinner}', null, 'Potatoes', 'produce', 0.85, null, null),
  ('Potatoes, baked, flesh and skin', 'starch', 'potato', 93.0, 2.5, 21.2, 0.1, 2.2, 200.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'starch', '{lunch,dinner}', null, 'Potatoes', 'produce', 0.80, null, null),
  ('Sweet potato, baked in skin', 'starch', 'sweet potato', 90.0, 2.0, 20.7, 0.2, 3.3, 150.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'starch', '{lunch,dinner}', null, 'Sweet potatoes', 'produce', 0.95, null, null),
  ('Yam, cooked, boiled', 'starch', 'yam', 116.0, 1.5, 27.5, 0.1, 3.9, 150.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'starch', '{lunch,dinner}', null, 'Yams', 'produce', 1.00, null, null),
  ('Plantain, green, boiled', 'starch', 'plantain', 116.0, 0.8, 31.2, 0.2, 2.3, 150.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'starch', '{lunch,dinner}', null, 'Green plantains', 'produce', 1.00, null, null),
  ('Corn, sweet, yellow, boiled', 'starch', 'corn', 96.0, 3.4, 21.0, 1.5, 2.4, 150.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'starch', '{lunch,dinner}', null, 'Sweet corn', 'produce', 1.00, null, null),
  ('Bread, gluten-free, white', 'starch', 'gluten-free bread', 248.0, 4.3, 45.8, 5.2, 4.3, 60.0, '{vegetarian,pescatarian,gluten_free,dairy_free}', '{egg}', 'starch', '{breakfast,lunch}', null, 'Gluten-free white bread', 'bakery', 1.00, 'slice', 28.0),
  ('Pita bread, white', 'starch', 'pita', 275.0, 9.1, 55.7, 1.2, 2.2, 60.0, '{vegetarian,vegan,pescatarian,dairy_free}', '{gluten}', 'starch', '{lunch,dinner,snack}', null, 'White pita bread', 'bakery', 1.00, 'pita', 60.0),
  ('Pita bread, whole-wheat', 'starch', 'pita', 262.0, 9.8, 55.0, 2.6, 7.4, 60.0, '{vegetarian,vegan,pescatarian,dairy_free}', '{gluten}', 'starch', '{lunch,dinner,snack}', null, 'Whole-wheat pita bread', 'bakery', 1.00, 'pita', 64.0),
  -- vegetable
  ('Broccoli, raw', 'vegetable', 'broccoli', 34.0, 2.8, 6.6, 0.4, 2.6, 90.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'vegetable', '{lunch,dinner}', null, 'Broccoli', 'produce', 1.00, null, null),
  ('Broccoli, cooked, boiled', 'vegetable', 'broccoli', 35.0, 2.4, 7.2, 0.4, 3.3, 150.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'vegetable', '{lunch,dinner}', null, 'Broccoli', 'produce', 1.00, null, null),
  ('Spinach, raw', 'vegetable', 'spinach', 23.0, 2.9, 3.6, 0.4, 2.2, 60.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'vegetable', '{breakfast,lunch,dinner}', null, 'Spinach', 'produce', 1.00, null, null),
  ('Spinach, cooked, boiled', 'vegetable', 'spinach', 23.0, 3.0, 3.8, 0.3, 2.4, 150.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'vegetable', '{breakfast,lunch,dinner}', null, 'Spinach', 'produce', 1.00, null, null),
  ('Bell pepper, red, raw', 'vegetable', 'bell pepper', 31.0, 1.0, 6.0, 0.3, 2.1, 120.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'vegetable', '{lunch,dinner,snack}', null, 'Red bell peppers', 'produce', 1.00, 'pepper', 119.0),
  ('Bell pepper, green, raw', 'vegetable', 'bell pepper', 20.0, 0.9, 4.6, 0.2, 1.7, 120.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'vegetable', '{lunch,dinner,snack}', null, 'Green bell peppers', 'produce', 1.00, 'pepper', 119.0),
  ('Carrots, raw', 'vegetable', 'carrot', 41.0, 0.9, 9.6, 0.2, 2.8, 80.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'vegetable', '{lunch,dinner,snack}', null, 'Carrots', 'produce', 1.00, null, null),
  ('Carrots, cooked, boiled', 'vegetable', 'carrot', 35.0, 0.8, 8.2, 0.2, 3.0, 100.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'vegetable', '{lunch,dinner}', null, 'Carrots', 'produce', 1.00, null, null),
  ('Zucchini, raw', 'vegetable', 'zucchini', 17.0, 1.2, 3.1, 0.3, 1.0, 150.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'vegetable', '{lunch,dinner}', null, 'Zucchini', 'produce', 1.00, null, null),
  ('Kale, raw', 'vegetable', 'kale', 35.0, 2.9, 4.4, 1.5, 4.1, 70.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'vegetable', '{lunch,dinner}', null, 'Kale', 'produce', 1.00, null, null),
  ('Green beans, cooked, boiled', 'vegetable', 'green beans', 35.0, 1.9, 7.9, 0.3, 3.2, 125.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'vegetable', '{lunch,dinner}', null, 'Green beans', 'produce', 1.00, null, null),
  ('Cauliflower, raw', 'vegetable', 'cauliflower', 25.0, 1.9, 5.0, 0.3, 2.0, 100.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'vegetable', '{lunch,dinner}', null, 'Cauliflower', 'produce', 1.00, null, null),
  ('Cauliflower, cooked, boiled', 'vegetable', 'cauliflower', 23.0, 1.8, 4.1, 0.5, 2.3, 125.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'vegetable', '{lunch,dinner}', null, 'Cauliflower', 'produce', 1.00, null, null),
  ('Tomatoes, red, raw', 'vegetable', 'tomato', 18.0, 0.9, 3.9, 0.2, 1.2, 120.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'vegetable', '{breakfast,lunch,dinner,snack}', null, 'Tomatoes', 'produce', 1.00, 'tomato', 123.0),
  ('Mushrooms, white, cooked, boiled', 'vegetable', 'mushroom', 28.0, 2.2, 5.3, 0.5, 2.2, 100.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'vegetable', '{breakfast,lunch,dinner}', null, 'White mushrooms', 'produce', 0.80, null, null),
  ('Mushrooms, portabella, grilled', 'vegetable', 'mushroom', 29.0, 3.3, 4.4, 0.6, 2.2, 100.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'vegetable', '{breakfast,lunch,dinner}', null, 'Portabella mushrooms', 'produce', 0.75, null, null),
  ('Asparagus, cooked, boiled', 'vegetable', 'asparagus', 22.0, 2.4, 4.1, 0.2, 2.0, 120.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'vegetable', '{lunch,dinner}', null, 'Asparagus', 'produce', 1.00, null, null),
  ('Brussels sprouts, cooked, boiled', 'vegetable', 'brussels sprouts', 36.0, 2.6, 7.1, 0.5, 2.6, 120.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'vegetable', '{lunch,dinner}', null, 'Brussels sprouts', 'produce', 1.00, null, null),
  ('Cabbage, green, raw', 'vegetable', 'cabbage', 25.0, 1.3, 5.8, 0.1, 2.5, 90.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'vegetable', '{lunch,dinner}', null, 'Cabbage, green', 'produce', 1.00, null, null),
  ('Cabbage, red, raw', 'vegetable', 'cabbage', 31.0, 1.4, 7.4, 0.2, 2.1, 90.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'vegetable', '{lunch,dinner}', null, 'Cabbage, red', 'produce', 1.00, null, null),
  ('Cucumber, peeled, raw', 'vegetable', 'cucumber', 12.0, 0.6, 2.2, 0.2, 0.7, 100.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'vegetable', '{lunch,dinner,snack}', null, 'Cucumbers', 'produce', 1.00, null, null),
  ('Lettuce, romaine, raw', 'vegetable', 'lettuce', 17.0, 1.2, 3.3, 0.3, 2.1, 85.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'vegetable', '{lunch,dinner}', null, 'Lettuce, romaine', 'produce', 1.00, null, null),
  ('Lettuce, iceberg, raw', 'vegetable', 'lettuce', 14.0, 0.9, 3.0, 0.1, 1.2, 85.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'vegetable', '{lunch,dinner}', null, 'Lettuce, iceberg', 'produce', 1.00, null, null),
  ('Onions, raw', 'vegetable', 'onion', 40.0, 1.1, 9.3, 0.1, 1.7, 80.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'vegetable', '{lunch,dinner}', null, 'Onions', 'produce', 1.00, 'onion', 110.0),
  ('Eggplant, cooked, boiled', 'vegetable', 'eggplant', 35.0, 0.8, 8.7, 0.2, 2.5, 100.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'vegetable', '{lunch,dinner}', null, 'Eggplant', 'produce', 1.00, null, null),
  ('Beets, cooked, boiled', 'vegetable', 'beet', 44.0, 1.7, 10.0, 0.2, 2.0, 85.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'vegetable', '{lunch,dinner}', null, 'Beets', 'produce', 1.00, null, null),
  ('Butternut squash, baked', 'vegetable', 'squash', 40.0, 0.9, 10.5, 0.1, 3.2, 150.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'vegetable', '{lunch,dinner}', null, 'Butternut squash', 'produce', 1.00, null, null),
  ('Spaghetti squash, cooked', 'vegetable', 'squash', 27.0, 0.7, 6.5, 0.3, 1.4, 150.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'vegetable', '{lunch,dinner}', null, 'Spaghetti squash', 'produce', 1.00, null, null),
  ('Celery, raw', 'vegetable', 'celery', 14.0, 0.7, 3.0, 0.2, 1.6, 40.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'vegetable', '{lunch,dinner,snack}', null, 'Celery', 'produce', 1.00, null, null),
  ('Green peas, frozen, cooked, boiled', 'vegetable', 'peas', 78.0, 5.2, 14.3, 0.3, 4.5, 80.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'vegetable', '{lunch,dinner}', null, 'Green peas, frozen', 'frozen', 1.00, null, null),
  ('Snow peas, raw', 'vegetable', 'peas', 42.0, 2.8, 7.6, 0.2, 2.6, 60.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'vegetable', '{lunch,dinner,snack}', null, 'Snow peas', 'produce', 1.00, null, null),
  ('Bok choy, cooked, boiled', 'vegetable', 'bok choy', 12.0, 1.6, 1.8, 0.2, 1.0, 100.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'vegetable', '{lunch,dinner}', null, 'Bok choy', 'produce', 1.00, null, null),
  ('Swiss chard, cooked, boiled', 'vegetable', 'chard', 20.0, 1.9, 4.1, 0.1, 2.1, 100.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'vegetable', '{lunch,dinner}', null, 'Swiss chard', 'produce', 1.00, null, null),
  ('Radishes, raw', 'vegetable', 'radish', 16.0, 0.7, 3.4, 0.1, 1.6, 60.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'vegetable', '{lunch,dinner,snack}', null, 'Radishes', 'produce', 1.00, null, null),
  ('Okra, cooked, boiled', 'vegetable', 'okra', 22.0, 1.9, 4.5, 0.2, 2.5, 100.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'vegetable', '{lunch,dinner}', null, 'Okra', 'produce', 1.00, null, null),
  ('Parsnips, cooked, boiled', 'vegetable', 'parsnip', 71.0, 1.3, 17.0, 0.3, 3.6, 100.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'vegetable', '{lunch,dinner}', null, 'Parsnips', 'produce', 1.00, null, null),
  -- fruit
  ('Apple, raw, with skin', 'fruit', 'apple', 52.0, 0.3, 13.8, 0.2, 2.4, 180.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'fruit', '{breakfast,snack}', null, 'Apples', 'produce', 1.00, 'apple', 180.0),
  ('Banana, raw', 'fruit', 'banana', 89.0, 1.1, 22.8, 0.3, 2.6, 120.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'fruit', '{breakfast,snack}', null, 'Bananas', 'produce', 1.00, 'banana', 118.0),
  ('Orange, raw', 'fruit', 'orange', 47.0, 0.9, 11.8, 0.1, 2.4, 140.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'fruit', '{breakfast,snack}', null, 'Oranges', 'produce', 1.00, 'orange', 140.0),
  ('Mandarin (tangerine), raw', 'fruit', 'mandarin', 53.0, 0.8, 13.3, 0.3, 1.8, 75.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'fruit', '{breakfast,snack}', null, 'Mandarins', 'produce', 1.00, 'mandarin', 75.0),
  ('Blueberries, raw', 'fruit', 'blueberry', 57.0, 0.7, 14.5, 0.3, 2.4, 150.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'fruit', '{breakfast,snack}', null, 'Blueberries', 'produce', 1.00, null, null),
  ('Strawberries, raw', 'fruit', 'strawberry', 32.0, 0.7, 7.7, 0.3, 2.0, 150.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'fruit', '{breakfast,snack}', null, 'Strawberries', 'produce', 1.00, null, null),
  ('Raspberries, raw', 'fruit', 'raspberry', 52.0, 1.2, 11.9, 0.7, 6.5, 125.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'fruit', '{breakfast,snack}', null, 'Raspberries', 'produce', 1.00, null, null),
  ('Blackberries, raw', 'fruit', 'blackberry', 43.0, 1.4, 9.6, 0.5, 5.3, 145.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'fruit', '{breakfast,snack}', null, 'Blackberries', 'produce', 1.00, null, null),
  ('Grapes, raw', 'fruit', 'grape', 69.0, 0.7, 18.1, 0.2, 0.9, 150.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'fruit', '{breakfast,snack}', null, 'Grapes', 'produce', 1.00, null, null),
  ('Pear, raw', 'fruit', 'pear', 57.0, 0.4, 15.2, 0.1, 3.1, 180.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'fruit', '{breakfast,snack}', null, 'Pears', 'produce', 1.00, 'pear', 178.0),
  ('Pineapple, raw', 'fruit', 'pineapple', 50.0, 0.5, 13.1, 0.1, 1.4, 165.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'fruit', '{breakfast,snack}', null, 'Pineapple', 'produce', 1.00, 'pineapple', 905.0),
  ('Mango, raw', 'fruit', 'mango', 60.0, 0.8, 15.0, 0.4, 1.6, 165.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'fruit', '{breakfast,snack}', null, 'Mangoes', 'produce', 1.00, 'mango', 200.0),
  ('Kiwifruit, green, raw', 'fruit', 'kiwi', 61.0, 1.1, 14.7, 0.5, 3.0, 75.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'fruit', '{breakfast,snack}', null, 'Kiwifruit', 'produce', 1.00, 'kiwifruit', 70.0),
  ('Peach, raw', 'fruit', 'peach', 39.0, 0.9, 9.5, 0.3, 1.5, 150.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'fruit', '{breakfast,snack}', null, 'Peaches', 'produce', 1.00, 'peach', 150.0),
  ('Apricots, raw', 'fruit', 'apricot', 48.0, 1.4, 11.1, 0.4, 2.0, 70.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'fruit', '{breakfast,snack}', null, 'Apricots', 'produce', 1.00, 'apricot', 35.0),
  ('Cherries, sweet, raw', 'fruit', 'cherry', 63.0, 1.1, 16.0, 0.2, 2.1, 140.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'fruit', '{breakfast,snack}', null, 'Cherries, sweet', 'produce', 1.00, null, null),
  ('Watermelon, raw', 'fruit', 'watermelon', 30.0, 0.6, 7.6, 0.2, 0.4, 280.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'fruit', '{breakfast,snack}', null, 'Watermelon', 'produce', 1.00, null, null),
  ('Cantaloupe, raw', 'fruit', 'melon', 34.0, 0.8, 8.2, 0.2, 0.9, 175.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'fruit', '{breakfast,snack}', null, 'Cantaloupe', 'produce', 1.00, 'melon', 552.0),
  ('Papaya, raw', 'fruit', 'papaya', 43.0, 0.5, 10.8, 0.3, 1.7, 145.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'fruit', '{breakfast,snack}', null, 'Papaya', 'produce', 1.00, null, null),
  ('Raisins, seedless', 'fruit', 'grape', 299.0, 3.3, 79.3, 0.2, 4.5, 30.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'fruit', '{breakfast,snack}', 40.0, 'Raisins', 'nuts_seeds', 1.00, null, null),
  ('Dates, medjool', 'fruit', 'date', 277.0, 1.8, 75.0, 0.2, 6.7, 48.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'fruit', '{breakfast,snack}', 50.0, 'Medjool dates', 'nuts_seeds', 1.00, 'date', 24.0),
  ('Apricots, dried', 'fruit', 'apricot', 241.0, 3.4, 62.6, 0.5, 7.3, 35.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'fruit', '{breakfast,snack}', 40.0, 'Dried apricots', 'nuts_seeds', 1.00, null, null),
  -- dairy and plant-based alternatives
  ('Milk, whole, 3.25% fat', 'dairy', 'milk', 61.0, 3.2, 4.8, 3.3, 0.0, 250.0, '{vegetarian,pescatarian,gluten_free}', '{dairy}', 'drink', '{breakfast,snack}', 300.0, 'Milk, whole, 3.25% fat', 'dairy_eggs', 1.00, null, null),
  ('Milk, reduced fat, 2%', 'dairy', 'milk', 50.0, 3.3, 4.8, 2.0, 0.0, 250.0, '{vegetarian,pescatarian,gluten_free}', '{dairy}', 'drink', '{breakfast,snack}', 300.0, 'Milk, reduced fat, 2%', 'dairy_eggs', 1.00, null, null),
  ('Milk, skim', 'dairy', 'milk', 34.0, 3.4, 5.0, 0.1, 0.0, 250.0, '{vegetarian,pescatarian,gluten_free}', '{dairy}', 'drink', '{breakfast,snack}', 300.0, 'Milk, skim', 'dairy_eggs', 1.00, null, null),
  ('Greek yogurt, plain, nonfat', 'dairy', 'yogurt', 59.0, 10.2, 3.6, 0.4, 0.0, 170.0, '{vegetarian,pescatarian,gluten_free}', '{dairy}', 'protein_side', '{breakfast,snack}', null, 'Greek yogurt, plain, nonfat', 'dairy_eggs', 1.00, null, null),
  ('Greek yogurt, plain, whole milk', 'dairy', 'yogurt', 97.0, 9.0, 4.0, 5.0, 0.0, 170.0, '{vegetarian,pescatarian,gluten_free}', '{dairy}', 'protein_side', '{breakfast,snack}', null, 'Greek yogurt, plain, whole milk', 'dairy_eggs', 1.00, null, null),
  ('Yogurt, plain, low fat', 'dairy', 'yogurt', 63.0, 5.3, 7.0, 1.6, 0.0, 170.0, '{vegetarian,pescatarian,gluten_free}', '{dairy}', 'protein_side', '{breakfast,snack}', null, 'Yogurt, plain, low fat', 'dairy_eggs', 1.00, null, null),
  ('Kefir, plain, low fat', 'dairy', 'kefir', 41.0, 3.8, 4.5, 0.9, 0.0, 240.0, '{vegetarian,pescatarian,gluten_free}', '{dairy}', 'drink', '{breakfast,snack}', 300.0, 'Kefir, plain, low fat', 'dairy_eggs', 1.00, null, null),
  ('Cottage cheese, low fat, 2%', 'dairy', 'cottage cheese', 81.0, 10.5, 4.8, 2.3, 0.0, 150.0, '{vegetarian,pescatarian,gluten_free}', '{dairy}', 'protein_side', '{breakfast,snack}', null, 'Cottage cheese, low fat, 2%', 'dairy_eggs', 1.00, null, null),
  ('Cottage cheese, full fat, 4%', 'dairy', 'cottage cheese', 98.0, 11.1, 3.4, 4.3, 0.0, 150.0, '{vegetarian,pescatarian,gluten_free}', '{dairy}', 'protein_side', '{breakfast,snack}', null, 'Cottage cheese, full fat, 4%', 'dairy_eggs', 1.00, null, null),
  ('Cheddar cheese', 'dairy', 'cheese', 403.0, 22.9, 3.4, 33.3, 0.0, 30.0, '{vegetarian,pescatarian,gluten_free}', '{dairy}', 'protein_side', '{breakfast,lunch,snack}', 40.0, 'Cheddar cheese', 'dairy_eggs', 1.00, null, null),
  ('Mozzarella, part-skim', 'dairy', 'cheese', 254.0, 24.3, 2.8, 15.9, 0.0, 30.0, '{vegetarian,pescatarian,gluten_free}', '{dairy}', 'protein_side', '{lunch,dinner,snack}', 60.0, 'Mozzarella, part-skim', 'dairy_eggs', 1.00, null, null),
  ('Feta cheese', 'dairy', 'cheese', 265.0, 14.2, 3.9, 21.5, 0.0, 30.0, '{vegetarian,pescatarian,gluten_free}', '{dairy}', 'protein_side', '{lunch,dinner,snack}', 40.0, 'Feta cheese', 'dairy_eggs', 1.00, null, null),
  ('Parmesan cheese, hard', 'dairy', 'cheese', 392.0, 35.8, 3.2, 25.8, 0.0, 15.0, '{gluten_free}', '{dairy}', 'protein_side', '{lunch,dinner}', 20.0, 'Parmesan cheese, hard', 'dairy_eggs', 1.00, null, null),
  ('Ricotta, part-skim', 'dairy', 'ricotta', 138.0, 11.4, 5.1, 7.9, 0.0, 60.0, '{vegetarian,pescatarian,gluten_free}', '{dairy}', 'protein_side', '{breakfast,snack}', null, 'Ricotta, part-skim', 'dairy_eggs', 1.00, null, null),
  ('Soy milk, unsweetened', 'dairy', 'soy milk', 33.0, 2.9, 1.7, 1.6, 0.5, 250.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{soy}', 'drink', '{breakfast,snack}', 300.0, 'Soy milk, unsweetened', 'dairy_eggs', 1.00, null, null),
  ('Oat milk, unsweetened', 'dairy', 'oat milk', 48.0, 1.0, 6.6, 1.5, 0.8, 250.0, '{vegetarian,vegan,pescatarian,dairy_free}', '{gluten}', 'drink', '{breakfast,snack}', 300.0, 'Oat milk, unsweetened', 'dairy_eggs', 1.00, null, null), -- approx.
  ('Almond milk, unsweetened', 'dairy', 'almond milk', 15.0, 0.4, 1.3, 1.0, 0.2, 250.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{tree_nut}', 'drink', '{breakfast,snack}', 300.0, 'Almond milk, unsweetened', 'dairy_eggs', 1.00, null, null),
  ('Rice milk, unsweetened', 'dairy', 'rice milk', 47.0, 0.3, 9.2, 1.0, 0.3, 250.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'drink', '{breakfast,snack}', 300.0, 'Rice milk, unsweetened', 'dairy_eggs', 1.00, null, null),
  ('Coconut milk beverage, unsweetened', 'dairy', 'coconut milk', 31.0, 0.2, 2.9, 2.1, 0.0, 250.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'drink', '{breakfast,snack}', 300.0, 'Coconut milk beverage, unsweetened', 'dairy_eggs', 1.00, null, null),
  ('Coconut yogurt, plain', 'dairy', 'coconut yogurt', 110.0, 0.6, 7.0, 8.5, 1.0, 150.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'protein_side', '{breakfast,snack}', null, 'Coconut yogurt, plain', 'dairy_eggs', 1.00, null, null), -- approx.
  ('Soy yogurt, plain', 'dairy', 'soy yogurt', 66.0, 2.6, 9.7, 1.8, 0.4, 150.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{soy}', 'protein_side', '{breakfast,snack}', null, 'Soy yogurt, plain', 'dairy_eggs', 1.00, null, null),
  -- fat: oils, butter, avocado, nuts, seeds, nut and seed butters
  ('Olive oil', 'fat', 'olive oil', 884.0, 0.0, 0.0, 100.0, 0.0, 10.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'fat', '{lunch,dinner}', 15.0, 'Olive oil', 'oils_condiments', 1.00, null, null),
  ('Canola oil', 'fat', 'canola oil', 884.0, 0.0, 0.0, 100.0, 0.0, 10.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'fat', '{lunch,dinner}', 15.0, 'Canola oil', 'oils_condiments', 1.00, null, null),
  ('Coconut oil', 'fat', 'coconut oil', 892.0, 0.0, 0.0, 99.1, 0.0, 10.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'fat', '{lunch,dinner}', 15.0, 'Coconut oil', 'oils_condiments', 1.00, null, null),
  ('Butter, salted', 'fat', 'butter', 717.0, 0.9, 0.1, 81.1, 0.0, 10.0, '{vegetarian,pescatarian,gluten_free}', '{dairy}', 'fat', '{breakfast,lunch,dinner}', 15.0, 'Salted butter', 'dairy_eggs', 1.00, null, null),
  ('Cream cheese', 'fat', 'cream cheese', 342.0, 5.9, 4.1, 34.2, 0.0, 30.0, '{vegetarian,pescatarian,gluten_free}', '{dairy}', 'fat', '{breakfast,snack}', 30.0, 'Cream cheese', 'dairy_eggs', 1.00, null, null),
  ('Avocado, raw', 'fat', 'avocado', 160.0, 2.0, 8.5, 14.7, 6.7, 70.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'fat', '{breakfast,lunch,dinner}', 100.0, 'Avocados', 'produce', 1.00, 'avocado', 136.0),
  ('Olives, ripe, canned', 'fat', 'olive', 116.0, 0.8, 6.0, 10.9, 1.6, 30.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'fat', '{lunch,dinner,snack}', 50.0, 'Ripe olives (can or jar)', 'canned_dried', 1.00, null, null),
  ('Almonds', 'fat', 'almond', 579.0, 21.2, 21.6, 49.9, 12.5, 30.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{tree_nut}', 'fat', '{breakfast,snack}', 40.0, 'Almonds', 'nuts_seeds', 1.00, null, null),
  ('Almond butter', 'fat', 'almond', 614.0, 21.0, 18.8, 55.5, 10.3, 16.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{tree_nut}', 'fat', '{breakfast,snack}', 32.0, 'Almond butter', 'nuts_seeds', 1.00, null, null),
  ('Cashews, raw', 'fat', 'cashew', 553.0, 18.2, 30.2, 43.9, 3.3, 30.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{tree_nut}', 'fat', '{breakfast,snack}', 40.0, 'Cashews', 'nuts_seeds', 1.00, null, null),
  ('Walnuts', 'fat', 'walnut', 654.0, 15.2, 13.7, 65.2, 6.7, 30.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{tree_nut}', 'fat', '{breakfast,snack}', 40.0, 'Walnuts', 'nuts_seeds', 1.00, null, null),
  ('Pecans', 'fat', 'pecan', 691.0, 9.2, 13.9, 72.0, 9.6, 30.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{tree_nut}', 'fat', '{breakfast,snack}', 40.0, 'Pecans', 'nuts_seeds', 1.00, null, null),
  ('Hazelnuts', 'fat', 'hazelnut', 628.0, 15.0, 16.7, 60.8, 9.7, 30.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{tree_nut}', 'fat', '{breakfast,snack}', 40.0, 'Hazelnuts', 'nuts_seeds', 1.00, null, null),
  ('Pistachios, raw', 'fat', 'pistachio', 560.0, 20.2, 27.2, 45.3, 10.6, 30.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{tree_nut}', 'fat', '{breakfast,snack}', 40.0, 'Pistachios', 'nuts_seeds', 1.00, null, null),
  ('Brazil nuts', 'fat', 'brazil nut', 659.0, 14.3, 11.7, 67.1, 7.5, 20.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{tree_nut}', 'fat', '{breakfast,snack}', 30.0, 'Brazil nuts', 'nuts_seeds', 1.00, null, null),
  ('Macadamia nuts', 'fat', 'macadamia', 718.0, 7.9, 13.8, 75.8, 8.6, 30.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{tree_nut}', 'fat', '{breakfast,snack}', 40.0, 'Macadamia nuts', 'nuts_seeds', 1.00, null, null),
  ('Peanuts, dry-roasted, unsalted', 'fat', 'peanut', 585.0, 24.4, 21.3, 49.7, 8.0, 30.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{peanut}', 'fat', '{breakfast,snack}', 40.0, 'Peanuts, dry-roasted, unsalted', 'nuts_seeds', 1.00, null, null),
  ('Peanut butter, smooth', 'fat', 'peanut', 598.0, 22.2, 22.3, 51.4, 5.0, 16.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{peanut}', 'fat', '{breakfast,snack}', 32.0, 'Peanut butter, smooth', 'nuts_seeds', 1.00, null, null),
  ('Chia seeds, dried', 'fat', 'chia', 486.0, 16.5, 42.1, 30.7, 34.4, 15.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'fat', '{breakfast,snack}', 30.0, 'Chia seeds', 'nuts_seeds', 1.00, null, null),
  ('Flaxseed, ground', 'fat', 'flax', 534.0, 18.3, 28.9, 42.2, 27.3, 10.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'fat', '{breakfast,lunch,dinner}', 30.0, 'Flaxseed, ground', 'nuts_seeds', 1.00, null, null),
  ('Pumpkin seeds, hulled, dried', 'fat', 'pumpkin seed', 559.0, 30.2, 10.7, 49.1, 6.0, 30.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'fat', '{breakfast,lunch,dinner,snack}', 30.0, 'Pumpkin seeds', 'nuts_seeds', 1.00, null, null),
  ('Sunflower seeds, hulled, dried', 'fat', 'sunflower seed', 584.0, 20.8, 20.0, 51.5, 8.6, 30.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'fat', '{breakfast,lunch,dinner,snack}', 30.0, 'Sunflower seeds', 'nuts_seeds', 1.00, null, null),
  ('Sunflower seed butter', 'fat', 'sunflower seed', 617.0, 17.3, 23.3, 55.2, 5.7, 16.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'fat', '{breakfast,snack}', 32.0, 'Sunflower seed butter', 'nuts_seeds', 1.00, null, null),
  ('Hemp seeds, hulled', 'fat', 'hemp', 553.0, 31.6, 8.7, 48.8, 4.0, 30.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'fat', '{breakfast,lunch,dinner}', 30.0, 'Hemp seeds, hulled', 'nuts_seeds', 1.00, null, null),
  ('Sesame seeds, whole, dried', 'fat', 'sesame', 573.0, 17.7, 23.5, 49.7, 11.8, 10.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{sesame}', 'fat', '{lunch,dinner}', 30.0, 'Sesame seeds', 'nuts_seeds', 1.00, null, null),
  ('Tahini (sesame butter)', 'fat', 'sesame', 595.0, 17.0, 21.2, 53.8, 9.3, 15.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{sesame}', 'fat', '{lunch,dinner,snack}', 30.0, 'Tahini (sesame butter)', 'nuts_seeds', 1.00, null, null),
  ('Coconut, shredded, unsweetened, dried', 'fat', 'coconut', 660.0, 6.9, 23.7, 64.5, 16.3, 15.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'fat', '{breakfast,snack}', 20.0, 'Shredded coconut, unsweetened', 'nuts_seeds', 1.00, null, null),
  -- snack
  ('Rice cakes, brown rice, plain', 'snack', 'rice cake', 387.0, 8.2, 81.5, 2.8, 4.2, 18.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'starch', '{breakfast,snack}', null, 'Brown rice cakes, plain', 'snacks', 1.00, 'rice cake', 9.0),
  ('Hummus', 'snack', 'hummus', 237.0, 7.8, 15.0, 17.8, 5.5, 60.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{sesame}', 'protein_side', '{lunch,snack}', 100.0, 'Hummus', 'dairy_eggs', 1.00, null, null),
  ('Dark chocolate, 70-85% cacao', 'snack', 'chocolate', 598.0, 7.8, 45.9, 42.6, 10.9, 20.0, '{vegetarian,pescatarian,gluten_free}', '{dairy,soy}', 'fat', '{snack}', 30.0, 'Dark chocolate, 70-85% cacao', 'snacks', 1.00, null, null),
  ('Popcorn, air-popped', 'snack', 'popcorn', 387.0, 12.9, 77.8, 4.5, 14.5, 25.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'starch', '{snack}', null, 'Popcorn, air-popped', 'snacks', 1.00, null, null),
  ('Potato chips, plain, salted', 'snack', 'potato chips', 532.0, 6.4, 53.8, 34.0, 3.1, 28.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'starch', '{snack}', 40.0, 'Potato chips, plain, salted', 'snacks', 1.00, null, null),
  ('Pretzels, hard, salted', 'snack', 'pretzel', 384.0, 10.0, 80.4, 2.9, 3.0, 30.0, '{vegetarian,vegan,pescatarian,dairy_free}', '{gluten}', 'starch', '{snack}', null, 'Pretzels, hard, salted', 'snacks', 1.00, null, null),
  ('Crackers, whole-wheat', 'snack', 'cracker', 430.0, 10.5, 68.6, 14.1, 10.3, 30.0, '{vegetarian,pescatarian,dairy_free}', '{gluten}', 'starch', '{lunch,snack}', null, 'Crackers, whole-wheat', 'snacks', 1.00, null, null), -- approx.
  ('Granola bar, oats, hard', 'snack', 'granola', 471.0, 10.1, 64.4, 19.8, 5.3, 42.0, '{vegetarian,pescatarian,dairy_free}', '{gluten,soy}', 'starch', '{breakfast,snack}', null, 'Granola bars', 'snacks', 1.00, 'bar', 24.0),
  ('Protein bar, whey-based', 'snack', 'protein bar', 360.0, 30.0, 40.0, 10.0, 8.0, 60.0, '{vegetarian,pescatarian}', '{gluten,dairy,peanut,tree_nut,soy}', 'supplement', '{snack}', 70.0, 'Protein bars', 'snacks', 1.00, 'bar', 60.0), -- approx.
  ('Trail mix, nuts and raisins', 'snack', 'trail mix', 462.0, 13.8, 44.9, 29.4, 5.0, 40.0, '{vegetarian,vegan,pescatarian,dairy_free}', '{peanut,tree_nut}', 'fat', '{snack}', 50.0, 'Trail mix, nuts and raisins', 'snacks', 1.00, null, null),
  ('Beef jerky', 'snack', 'jerky', 410.0, 33.2, 11.0, 25.6, 1.8, 28.0, '{dairy_free}', '{gluten,soy}', 'protein_side', '{snack}', 50.0, 'Beef jerky', 'snacks', 1.00, null, null),
  ('Banana chips', 'snack', 'banana', 519.0, 2.3, 58.4, 33.6, 7.7, 30.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'fruit', '{snack}', 40.0, 'Banana chips', 'snacks', 1.00, null, null),
  ('Applesauce, unsweetened', 'snack', 'apple', 42.0, 0.2, 11.3, 0.1, 1.1, 120.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'fruit', '{breakfast,snack}', null, 'Applesauce, unsweetened', 'canned_dried', 1.00, null, null),
  ('Salsa, ready-to-serve', 'snack', 'salsa', 29.0, 1.5, 6.6, 0.2, 1.9, 60.0, '{vegetarian,vegan,pescatarian,gluten_free,dairy_free}', '{}', 'condiment', '{lunch,dinner,snack}', 60.0, 'Salsa (jar)', 'canned_dried', 1.00, null, null)
on conflict (name) where org_id is null do update set
  -- The meal model and the shopping facts came after the first seed: a database seeded before them takes them here.
  plate_role = excluded.plate_role, meal_types = excluded.meal_types, max_per_meal_g = excluded.max_per_meal_g,
  buy_as = excluded.buy_as, aisle = excluded.aisle, cooked_yield = excluded.cooked_yield,
  count_unit = excluded.count_unit, grams_per_unit = excluded.grams_per_unit;

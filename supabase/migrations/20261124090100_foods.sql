-- =============================================================================
-- Food catalogue
-- =============================================================================
-- The only foods a plan may contain. Macros of a saved plan are computed from
-- these rows, never taken from the model. Rows with org_id null are the global
-- catalogue (seeded); an org may add its own rows.

create table public.foods (
  id uuid primary key default gen_random_uuid(),
  org_id uuid references public.orgs (id) on delete cascade,
  name text not null check (length(name) between 1 and 120),
  food_group text not null check (
    food_group in ('breakfast', 'protein', 'starch', 'vegetable', 'fruit', 'dairy', 'fat', 'snack')
  ),
  -- Dedup works on families ("chicken", "rice", "oats") so a day does not
  -- repeat the same food under two names.
  family text not null check (length(family) between 1 and 60),
  kcal_per_100g numeric(6, 1) not null check (kcal_per_100g between 0 and 900),
  protein_per_100g numeric(5, 1) not null check (protein_per_100g between 0 and 100),
  carbs_per_100g numeric(5, 1) not null check (carbs_per_100g between 0 and 100),
  fat_per_100g numeric(5, 1) not null check (fat_per_100g between 0 and 100),
  fibre_per_100g numeric(5, 1) not null default 0 check (fibre_per_100g between 0 and 100),
  default_portion_g numeric(6, 1) not null check (default_portion_g > 0 and default_portion_g <= 1000),
  -- The diets the food fits; a plan with a diet only contains foods tagged with it.
  diet_tags text[] not null default '{}' check (
    diet_tags <@ array['vegetarian', 'vegan', 'pescatarian', 'gluten_free', 'dairy_free']::text[]
  ),
  -- A plan never contains a food whose allergens overlap the client's allergies.
  allergens text[] not null default '{}' check (
    allergens <@ array['gluten', 'dairy', 'egg', 'peanut', 'tree_nut', 'soy', 'fish', 'shellfish', 'sesame']::text[]
  ),
  created_at timestamptz not null default now()
);
comment on table public.foods is 'Food catalogue, per 100 g. org_id null = global row visible to every org.';

create unique index foods_global_name_key on public.foods (name) where org_id is null;
create unique index foods_org_name_key on public.foods (org_id, name) where org_id is not null;
create index foods_org_id_idx on public.foods (org_id);

alter table public.foods enable row level security;
revoke all on table public.foods from anon;
grant select, insert, update, delete on table public.foods to authenticated;
grant all on table public.foods to service_role;

create policy "everyone signed in reads global foods and their org's foods" on public.foods
  for select to authenticated
  using (org_id is null or public.is_org_member(org_id));

create policy "members manage their org's own foods" on public.foods
  for insert to authenticated
  with check (org_id is not null and public.is_org_member(org_id));

create policy "members update their org's own foods" on public.foods
  for update to authenticated
  using (org_id is not null and public.is_org_member(org_id))
  with check (org_id is not null and public.is_org_member(org_id));

create policy "members delete their org's own foods" on public.foods
  for delete to authenticated
  using (org_id is not null and public.is_org_member(org_id));

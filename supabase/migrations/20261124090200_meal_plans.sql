-- =============================================================================
-- Meal plans: plan -> days -> meals -> items
-- =============================================================================
-- A plan is written whole by the generation workflow (one transaction replaces
-- its days, meals and items), so children cascade from the plan downward.

-- -----------------------------------------------------------------------------
-- updated_at maintenance
-- -----------------------------------------------------------------------------
create function public.set_updated_at() returns trigger
language plpgsql
as $$
begin
  new.updated_at = now();
  return new;
end
$$;
comment on function public.set_updated_at() is 'BEFORE UPDATE trigger: stamps updated_at.';

-- -----------------------------------------------------------------------------
-- meal_plans
-- -----------------------------------------------------------------------------
create table public.meal_plans (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.orgs (id) on delete cascade,
  client_id uuid references public.clients (id) on delete set null,
  created_by uuid references auth.users (id) on delete set null,
  name text not null check (length(name) between 1 and 200),
  plan_length_days integer not null check (plan_length_days between 1 and 28),
  -- The coach's intake form (calorie_target, macro_split, diet, allergies,
  -- meals_per_day, goal, notes, ...): see ARCHITECTURE.md for the keys.
  intake_data jsonb not null default '{}'::jsonb check (jsonb_typeof(intake_data) = 'object'),
  -- The original app's "simple path" fields, kept so old plans still generate.
  goal text,
  calorie_target integer check (calorie_target between 800 and 6000),
  macro_split jsonb,
  dietary_restrictions text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.meal_plans is 'A multi-day meal plan for a client, and the state of its AI generation.';
-- The plans list: newest first within an org.
create index meal_plans_org_id_created_at_idx on public.meal_plans (org_id, created_at desc);
create index meal_plans_client_id_idx on public.meal_plans (client_id);

create trigger meal_plans_set_updated_at
  before update on public.meal_plans
  for each row execute function public.set_updated_at();

alter table public.meal_plans enable row level security;
revoke all on table public.meal_plans from anon;
grant select, insert, update, delete on table public.meal_plans to authenticated;
grant all on table public.meal_plans to service_role;

create policy "members manage their org's plans" on public.meal_plans
  for all to authenticated
  using (public.is_org_member(org_id))
  with check (public.is_org_member(org_id));

-- -----------------------------------------------------------------------------
-- meal_plan_days
-- -----------------------------------------------------------------------------
create table public.meal_plan_days (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references public.meal_plans (id) on delete cascade,
  day_number integer not null check (day_number between 1 and 28),
  -- Totals computed from the catalogue when the day is saved.
  total_kcal numeric(7, 1) not null default 0,
  total_protein numeric(6, 1) not null default 0,
  total_carbs numeric(6, 1) not null default 0,
  total_fat numeric(6, 1) not null default 0,
  created_at timestamptz not null default now(),
  unique (plan_id, day_number)
);
comment on table public.meal_plan_days is 'One day of a plan; (plan_id, day_number) is unique so a replayed save cannot duplicate days.';

alter table public.meal_plan_days enable row level security;
revoke all on table public.meal_plan_days from anon;
grant select, insert, update, delete on table public.meal_plan_days to authenticated;
grant all on table public.meal_plan_days to service_role;

create function public.can_access_plan(target_plan_id uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.meal_plans p
    where p.id = target_plan_id and public.is_org_member(p.org_id)
  )
$$;
comment on function public.can_access_plan(uuid) is 'True when the calling user belongs to the org that owns the plan.';
revoke all on function public.can_access_plan(uuid) from public, anon;
grant execute on function public.can_access_plan(uuid) to authenticated, service_role;

create policy "members manage their org's plan days" on public.meal_plan_days
  for all to authenticated
  using (public.can_access_plan(plan_id))
  with check (public.can_access_plan(plan_id));

-- -----------------------------------------------------------------------------
-- meal_plan_meals
-- -----------------------------------------------------------------------------
create table public.meal_plan_meals (
  id uuid primary key default gen_random_uuid(),
  day_id uuid not null references public.meal_plan_days (id) on delete cascade,
  position integer not null check (position >= 0),
  name text not null check (length(name) between 1 and 80),
  unique (day_id, position)
);
comment on table public.meal_plan_meals is 'A meal (Breakfast, Lunch, ...) within a day, in display order.';

alter table public.meal_plan_meals enable row level security;
revoke all on table public.meal_plan_meals from anon;
grant select, insert, update, delete on table public.meal_plan_meals to authenticated;
grant all on table public.meal_plan_meals to service_role;

create policy "members manage their org's plan meals" on public.meal_plan_meals
  for all to authenticated
  using (exists (
    select 1 from public.meal_plan_days d
    where d.id = day_id and public.can_access_plan(d.plan_id)
  ))
  with check (exists (
    select 1 from public.meal_plan_days d
    where d.id = day_id and public.can_access_plan(d.plan_id)
  ));

-- -----------------------------------------------------------------------------
-- meal_plan_items
-- -----------------------------------------------------------------------------
create table public.meal_plan_items (
  id uuid primary key default gen_random_uuid(),
  meal_id uuid not null references public.meal_plan_meals (id) on delete cascade,
  -- restrict: a catalogue food in use by a saved plan cannot vanish from under it.
  food_id uuid not null references public.foods (id) on delete restrict,
  position integer not null check (position >= 0),
  grams numeric(6, 1) not null check (grams > 0 and grams <= 2000),
  kcal numeric(7, 1) not null,
  protein numeric(6, 1) not null,
  carbs numeric(6, 1) not null,
  fat numeric(6, 1) not null,
  unique (meal_id, position)
);
comment on table public.meal_plan_items is 'A food and its weight within a meal; macros computed from the catalogue at save time.';
create index meal_plan_items_food_id_idx on public.meal_plan_items (food_id);

alter table public.meal_plan_items enable row level security;
revoke all on table public.meal_plan_items from anon;
grant select, insert, update, delete on table public.meal_plan_items to authenticated;
grant all on table public.meal_plan_items to service_role;

create policy "members manage their org's plan items" on public.meal_plan_items
  for all to authenticated
  using (exists (
    select 1 from public.meal_plan_meals m
    join public.meal_plan_days d on d.id = m.day_id
    where m.id = meal_id and public.can_access_plan(d.plan_id)
  ))
  with check (exists (
    select 1 from public.meal_plan_meals m
    join public.meal_plan_days d on d.id = m.day_id
    where m.id = meal_id and public.can_access_plan(d.plan_id)
  ));

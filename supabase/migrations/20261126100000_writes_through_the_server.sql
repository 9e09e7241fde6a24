-- =============================================================================
-- A plan's days, meals, items and share links are written by the server only
-- =============================================================================
-- Coaches can reach every table through Supabase's REST API with their own
-- token. Row-level security keeps them inside their org, but the policies on
-- meal_plan_days, meal_plan_meals and meal_plan_items only check the org: with
-- the write grants they had, a coach could put any food (allergens included)
-- at any grams into a day, past every check the server makes, and the client
-- would see it on the shared page; the update grant on plan_share_links let a
-- coach un-revoke a link. The server already writes all four through its own
-- connection (the workflow's saves, swap and share, which check the plan
-- first), so coaches keep reading them under RLS and lose every write.
--
-- On a real Supabase project the API roles also get ALL on every new table,
-- sequence and function through default privileges (TRUNCATE, REFERENCES and
-- TRIGGER included, and on tables whose migration granted them less). So:
--   1. default privileges of the migration role grant the API roles nothing,
--   2. every table's grants to anon and authenticated are reset and restated
--      here, whole: this list is the allow-list, and
--      tests/integration/database/grants.test.ts holds the database to it,
--   3. functions execute only where granted (the policy helpers).
-- Later migrations grant what a new table needs after creating it, as before.

-- -----------------------------------------------------------------------------
-- 1. Nothing by default for objects created from now on
-- -----------------------------------------------------------------------------
alter default privileges in schema public revoke all on tables from anon, authenticated;
alter default privileges in schema public revoke all on sequences from anon, authenticated;
alter default privileges in schema public revoke all on functions from anon, authenticated;
-- PostgreSQL's own default (anyone may execute a new function) is global, and a
-- per-schema default cannot take away a global one.
alter default privileges revoke execute on functions from public;

-- -----------------------------------------------------------------------------
-- 2. Every existing table, view, sequence and function: no grant to the API
--    roles (REVOKE ALL on a table also revokes its column privileges)...
-- -----------------------------------------------------------------------------
do $$
declare
  statement text;
begin
  for statement in
    select format('revoke all on table %s from anon, authenticated', c.oid::regclass)
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
    union all
    select format('revoke all on function %s from public, anon, authenticated', p.oid::regprocedure)
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'public'
  loop
    execute statement;
  end loop;
end
$$;

-- ...then exactly what coaches need, each still limited by its table's policies.
grant select on table public.orgs, public.org_members to authenticated;
-- The org's own clients and foods are the coach's to manage.
grant select, insert, update, delete on table public.clients, public.foods to authenticated;
-- A plan's brief is the coach's; its generation state is the server's (20261124090500).
grant select, delete on table public.meal_plans to authenticated;
grant insert (org_id, client_id, created_by, name, plan_length_days, intake_data, goal, calorie_target, macro_split,
              dietary_restrictions)
  on table public.meal_plans to authenticated;
grant update (client_id, name, plan_length_days, intake_data, goal, calorie_target, macro_split, dietary_restrictions)
  on table public.meal_plans to authenticated;
-- Read only: the server writes them after its own checks.
grant select on table public.meal_plan_days, public.meal_plan_meals, public.meal_plan_items, public.plan_share_links
  to authenticated;

-- Their policies say the same: reading is all that is left to allow.
drop policy "members share their org's plans" on public.plan_share_links;
drop policy "members revoke their org's share links" on public.plan_share_links;
drop policy "members manage their org's plan days" on public.meal_plan_days;
drop policy "members manage their org's plan meals" on public.meal_plan_meals;
drop policy "members manage their org's plan items" on public.meal_plan_items;
create policy "members read their org's plan days" on public.meal_plan_days
  for select to authenticated
  using (public.can_access_plan(plan_id));
create policy "members read their org's plan meals" on public.meal_plan_meals
  for select to authenticated
  using (exists (select 1 from public.meal_plan_days d where d.id = day_id and public.can_access_plan(d.plan_id)));
create policy "members read their org's plan items" on public.meal_plan_items
  for select to authenticated
  using (exists (
    select 1 from public.meal_plan_meals m join public.meal_plan_days d on d.id = m.day_id
    where m.id = meal_id and public.can_access_plan(d.plan_id)));

-- Functions: only the policy helpers, only for signed-in coaches.
grant execute on function public.is_org_member(uuid), public.can_access_plan(uuid), public.caller_org_id()
  to authenticated;

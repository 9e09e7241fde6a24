-- =============================================================================
-- Generation state is the server's; clients stay within their org
-- =============================================================================
-- Coaches can reach these tables directly through Supabase's REST API with
-- their own token. Row-level security already limits them to their org; these
-- grants also keep them from writing the generation columns (status, error,
-- run id, progress, usage), which only the server and the workflow may set,
-- and keep a plan from pointing at another org's client.

-- -----------------------------------------------------------------------------
-- meal_plans: coaches write the plan's brief, never its generation state
-- -----------------------------------------------------------------------------
revoke insert, update on table public.meal_plans from authenticated;
grant insert (org_id, client_id, created_by, name, plan_length_days, intake_data, goal, calorie_target, macro_split,
              dietary_restrictions)
  on table public.meal_plans to authenticated;
grant update (client_id, name, plan_length_days, intake_data, goal, calorie_target, macro_split, dietary_restrictions)
  on table public.meal_plans to authenticated;

-- -----------------------------------------------------------------------------
-- A plan's client belongs to the plan's org
-- -----------------------------------------------------------------------------
alter table public.clients
  add constraint clients_id_org_id_key unique (id, org_id);

alter table public.meal_plans
  drop constraint meal_plans_client_id_fkey,
  add constraint meal_plans_client_in_same_org
    foreign key (client_id, org_id) references public.clients (id, org_id)
    on delete set null (client_id);

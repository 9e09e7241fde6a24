-- =============================================================================
-- Coach edits after the first draft: read-only share links for a plan
-- =============================================================================
-- A coach shares a finished plan with the client through a link that needs no
-- sign-in. The link carries only a random token; the table keeps its SHA-256
-- (a leaked database row cannot be turned back into a working link), an
-- expiry and a revocation time. The public page looks tokens up on the server
-- connection; coaches manage their own org's links under RLS.

-- -----------------------------------------------------------------------------
-- plan_share_links
-- -----------------------------------------------------------------------------
create table public.plan_share_links (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references public.meal_plans (id) on delete cascade,
  org_id uuid not null references public.orgs (id) on delete cascade,
  created_by uuid references auth.users (id) on delete set null,
  -- hex SHA-256 of the token in the URL; the token itself is never stored.
  token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  check (expires_at > created_at)
);
comment on table public.plan_share_links is
  'Read-only links to one plan for its client: a hashed random token, an expiry, and a revocation time.';
create index plan_share_links_plan_id_idx on public.plan_share_links (plan_id);

alter table public.plan_share_links enable row level security;
revoke all on table public.plan_share_links from anon;
-- Coaches create and revoke links; they never rewrite a token, plan or expiry.
grant select, insert on table public.plan_share_links to authenticated;
grant update (revoked_at) on table public.plan_share_links to authenticated;
grant all on table public.plan_share_links to service_role;

create policy "members read their org's share links" on public.plan_share_links
  for select to authenticated
  using (public.is_org_member(org_id));
create policy "members share their org's plans" on public.plan_share_links
  for insert to authenticated
  with check (public.is_org_member(org_id) and public.can_access_plan(plan_id));
create policy "members revoke their org's share links" on public.plan_share_links
  for update to authenticated
  using (public.is_org_member(org_id))
  with check (public.is_org_member(org_id));

-- -----------------------------------------------------------------------------
-- meal_plans: one day regenerated at a time
-- -----------------------------------------------------------------------------
-- Regenerating one day is a run of its own (regenerate-plan-day) with its own
-- id, so a replay writes nothing twice and a superseded run writes nothing.
-- Server-owned like the generation columns: coaches get no grant on them.
alter table public.meal_plans
  add column day_generation_id uuid,
  add column day_generation_day integer check (day_generation_day between 1 and 28),
  add column day_generation_status text
    constraint meal_plans_day_generation_status_check
    check (day_generation_status in ('generating', 'complete', 'error')),
  add column day_generation_phase text,
  add column day_generation_error text check (length(day_generation_error) <= 2000),
  add column day_generation_heartbeat_at timestamptz,
  add constraint meal_plans_day_generation_has_id
    check (day_generation_status is null or (day_generation_id is not null and day_generation_day is not null));

comment on column public.meal_plans.day_generation_id is 'The current one-day regeneration run; only it may replace its day.';
comment on column public.meal_plans.day_generation_day is 'The day that run regenerates.';
comment on column public.meal_plans.day_generation_status is 'generating | complete | error; null when no day was ever regenerated.';
comment on column public.meal_plans.day_generation_phase is 'Where the day run is (queued, planning, scaling, deduplicating, saving, done).';
comment on column public.meal_plans.day_generation_error is 'Why the last day run failed, for the coach (never secrets).';
comment on column public.meal_plans.day_generation_heartbeat_at is 'Last sign of life of the day run; a silent one may be restarted.';

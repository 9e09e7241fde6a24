-- =============================================================================
-- Tenancy: organisations, their coaches, and their clients
-- =============================================================================
-- Every business row belongs to an org. A coach (an auth.users row) reaches an
-- org's rows only through org_members; row-level security enforces that on
-- every table, so a query that forgets an org filter still cannot leak.

-- -----------------------------------------------------------------------------
-- orgs
-- -----------------------------------------------------------------------------
create table public.orgs (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 200),
  created_at timestamptz not null default now()
);
comment on table public.orgs is 'A coaching business. Everything a coach sees is scoped to one of these.';

alter table public.orgs enable row level security;
revoke all on table public.orgs from anon;
grant select on table public.orgs to authenticated;
grant all on table public.orgs to service_role;

-- -----------------------------------------------------------------------------
-- org_members
-- -----------------------------------------------------------------------------
create table public.org_members (
  org_id uuid not null references public.orgs (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role text not null default 'coach' check (role in ('owner', 'coach')),
  created_at timestamptz not null default now(),
  primary key (org_id, user_id)
);
comment on table public.org_members is 'Which coaches (auth.users) belong to which org; the root of every RLS policy.';
-- The routes resolve "which org is this caller in" by user id.
create index org_members_user_id_idx on public.org_members (user_id);

alter table public.org_members enable row level security;
revoke all on table public.org_members from anon;
grant select on table public.org_members to authenticated;
grant all on table public.org_members to service_role;

-- -----------------------------------------------------------------------------
-- Membership check used by the policies
-- -----------------------------------------------------------------------------
-- SECURITY DEFINER so the policies on org_members itself do not recurse; it
-- answers only for the calling user (auth.uid()), so it reveals nothing else.
create function public.is_org_member(target_org_id uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.org_members m
    where m.org_id = target_org_id and m.user_id = auth.uid()
  )
$$;
comment on function public.is_org_member(uuid) is 'True when the calling user (auth.uid()) belongs to the org.';
revoke all on function public.is_org_member(uuid) from public, anon;
grant execute on function public.is_org_member(uuid) to authenticated, service_role;

create policy "members read their orgs" on public.orgs
  for select to authenticated using (public.is_org_member(id));

create policy "members see the memberships of their orgs" on public.org_members
  for select to authenticated using (public.is_org_member(org_id));

-- -----------------------------------------------------------------------------
-- clients
-- -----------------------------------------------------------------------------
create table public.clients (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.orgs (id) on delete cascade,
  full_name text not null check (length(full_name) between 1 and 200),
  email text,
  created_at timestamptz not null default now()
);
comment on table public.clients is 'The people a coach writes meal plans for.';
create index clients_org_id_idx on public.clients (org_id);

alter table public.clients enable row level security;
revoke all on table public.clients from anon;
grant select, insert, update, delete on table public.clients to authenticated;
grant all on table public.clients to service_role;

create policy "members manage their org's clients" on public.clients
  for all to authenticated
  using (public.is_org_member(org_id))
  with check (public.is_org_member(org_id));

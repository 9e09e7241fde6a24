-- =============================================================================
-- Supabase compatibility layer for a plain PostgreSQL
-- =============================================================================
-- The migrations in ../migrations are written for a Supabase project, where the
-- `auth` schema, its helper functions and the API roles already exist. A plain
-- PostgreSQL (the embedded default, a CI database) has none of them, so this file
-- creates the smallest faithful copy of what the migrations rely on.
--
-- It is applied by scripts/lib/migrate.ts ONLY when the database is not a
-- Supabase project (no `supabase_admin` role), before any migration. It is
-- idempotent, and it is never pushed to Supabase: it lives outside migrations/.

-- -----------------------------------------------------------------------------
-- Roles: the three API roles PostgREST switches to, as Supabase creates them.
-- NOLOGIN: nothing connects as them; the server does `SET LOCAL ROLE`.
-- -----------------------------------------------------------------------------
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
end
$$;

-- Supabase lets the API roles use the public schema and, by default, grants
-- them table privileges; row-level security is what actually limits them.
grant usage on schema public to anon, authenticated, service_role;

-- A new Supabase project's default privileges: every table, sequence and
-- function the migration role creates in public is granted to all three API
-- roles. Copied on a fresh database only (before the first migration), as a
-- new project has them, so tests see what a real project would do with each
-- migration; 20261126100000 revokes them (a rerun of this file must not
-- bring them back).
do $$
begin
  if to_regclass('supabase_migrations.schema_migrations') is null then
    alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
    alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;
    alter default privileges in schema public grant all on functions to anon, authenticated, service_role;
  end if;
end
$$;

-- -----------------------------------------------------------------------------
-- Schema auth: users and the JWT helpers policies call.
-- -----------------------------------------------------------------------------
create schema if not exists auth;
grant usage on schema auth to anon, authenticated, service_role;

-- A subset of Supabase's auth.users: the columns this project reads or seeds.
create table if not exists auth.users (
  id uuid primary key,
  email text,
  aud text,
  role text,
  raw_user_meta_data jsonb default '{}'::jsonb,
  created_at timestamptz default now()
);
create unique index if not exists users_email_key on auth.users (email);

-- The JWT claims of the current request, as PostgREST sets them
-- (`request.jwt.claims`, or the older per-claim settings).
create or replace function auth.jwt() returns jsonb
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;

create or replace function auth.uid() returns uuid
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;

create or replace function auth.role() returns text
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;

grant execute on function auth.jwt(), auth.uid(), auth.role() to anon, authenticated, service_role;

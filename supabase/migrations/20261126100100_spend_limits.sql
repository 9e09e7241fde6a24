-- =============================================================================
-- Spend limits: token buckets per coach and per org, and each org's daily tokens
-- =============================================================================
-- Starting a plan, regenerating a day and creating a plan were unlimited: a
-- stolen token or a script could burn an org's Claude budget (5 start/cancel
-- cycles in 3 s cost 10 model calls). The server now takes a token from a
-- bucket for the coach and one for the org before each of them
-- (src/server/spend-limits.ts holds the sizes), and refuses a run that would
-- start once the org's model tokens for the day reach its budget.
-- Both tables are the server's alone: the API roles get no grant on the
-- buckets, and only read their own org's daily usage.

-- -----------------------------------------------------------------------------
-- spend_buckets: one row per bucket, refilled lazily when it is next used
-- -----------------------------------------------------------------------------
create table public.spend_buckets (
  -- '<coach|org>:<uuid>:<action>', built by the server.
  key text primary key check (length(key) <= 200),
  tokens double precision not null check (tokens >= 0),
  refilled_at timestamptz not null
);
comment on table public.spend_buckets is
  'Token buckets for spend limits (per coach and per org, per action); written only by take_spend_token().';

alter table public.spend_buckets enable row level security;
revoke all on table public.spend_buckets from anon, authenticated;
grant all on table public.spend_buckets to service_role;

-- Takes one token from every named bucket, or from none: wait_seconds is 0
-- when it took them, else the seconds until all of them hold a token again,
-- with the key of the bucket that waits longest in limited_by. One call is
-- one statement; the buckets are locked in key order, so concurrent calls
-- never deadlock and never both take the last token. A bucket starts full.
create function public.take_spend_token(
  bucket_keys text[],
  capacities double precision[],
  refill_per_second double precision[],
  out wait_seconds double precision,
  out limited_by text
)
language plpgsql
as $$
declare
  bucket record;
begin
  wait_seconds := 0;
  insert into public.spend_buckets (key, tokens, refilled_at)
  select b.key, b.capacity, now() from unnest(bucket_keys, capacities) as b(key, capacity)
  on conflict (key) do nothing;

  for bucket in
    select s.key, b.rate,
           least(b.capacity, s.tokens + extract(epoch from now() - s.refilled_at) * b.rate) as level
    from public.spend_buckets s
    join unnest(bucket_keys, capacities, refill_per_second) as b(key, capacity, rate) on b.key = s.key
    order by s.key
    for update of s
  loop
    if bucket.level < 1 and (1 - bucket.level) / bucket.rate > wait_seconds then
      wait_seconds := (1 - bucket.level) / bucket.rate;
      limited_by := bucket.key;
    end if;
  end loop;
  if wait_seconds > 0 then
    return;
  end if;

  update public.spend_buckets s
  set tokens = least(b.capacity, s.tokens + extract(epoch from now() - s.refilled_at) * b.rate) - 1,
      refilled_at = now()
  from unnest(bucket_keys, capacities, refill_per_second) as b(key, capacity, rate)
  where s.key = b.key;
end
$$;
revoke all on function public.take_spend_token(text[], double precision[], double precision[])
  from public, anon, authenticated;
grant execute on function public.take_spend_token(text[], double precision[], double precision[]) to service_role;

-- -----------------------------------------------------------------------------
-- org_daily_usage: model tokens per org per UTC day
-- -----------------------------------------------------------------------------
create table public.org_daily_usage (
  org_id uuid not null references public.orgs (id) on delete cascade,
  usage_date date not null,
  tokens bigint not null default 0 check (tokens >= 0),
  primary key (org_id, usage_date)
);
comment on table public.org_daily_usage is
  'Model tokens (input, output and cache) each org''s plans used per UTC day, counted from meal_plans.generation_usage when a run saves.';

alter table public.org_daily_usage enable row level security;
revoke all on table public.org_daily_usage from anon, authenticated;
grant select on table public.org_daily_usage to authenticated;
grant all on table public.org_daily_usage to service_role;

create policy "members read their org's usage" on public.org_daily_usage
  for select to authenticated
  using (public.is_org_member(org_id));

-- The tokens a run's stored usage names (a field that is not a number counts 0,
-- so an odd usage object never fails the save that carries it).
create function public.usage_tokens(usage jsonb) returns bigint
language sql immutable
as $$
  select coalesce(sum(case when jsonb_typeof(usage -> field) = 'number'
                           then greatest(0, round((usage ->> field)::numeric)) else 0 end), 0)::bigint
  from unnest(array['inputTokens', 'outputTokens', 'cacheReadInputTokens', 'cacheCreationInputTokens']) as field
$$;
revoke all on function public.usage_tokens(jsonb) from public, anon, authenticated;
grant execute on function public.usage_tokens(jsonb) to service_role;

-- A run's save moves the plan from generating to complete and stores its
-- usage in the same statement: that is when its tokens are counted, once (a
-- replayed save finds the plan complete already and counts nothing).
create function public.count_generation_usage() returns trigger
language plpgsql
as $$
begin
  insert into public.org_daily_usage (org_id, usage_date, tokens)
  values (new.org_id, (now() at time zone 'utc')::date, public.usage_tokens(new.generation_usage))
  on conflict (org_id, usage_date) do update set tokens = org_daily_usage.tokens + excluded.tokens;
  return null;
end
$$;
revoke all on function public.count_generation_usage() from public, anon, authenticated;

create trigger meal_plans_count_generation_usage
  after update of generation_usage on public.meal_plans
  for each row
  when (old.generation_status = 'generating' and new.generation_status = 'complete'
        and new.generation_usage is not null)
  execute function public.count_generation_usage();

-- =============================================================================
-- Spend that adds up: every model call counted as it happens, runs reserved
-- =============================================================================
-- The daily token budget counted a run's tokens only when a whole-plan run
-- saved (a trigger on meal_plans.generation_usage): day regenerations, failed,
-- cancelled and retried calls spent tokens the budget never saw (a run cut
-- off on every attempt: 25,740 tokens spent, +0 counted). And the budget was
-- checked, not reserved: three concurrent 28-day starts at budget - 1 all
-- began, and the day ended 20 % over.
--
-- Now each model call's usage is added to org_daily_usage from inside its
-- step, as it happens (public.record_model_usage), whatever becomes of the
-- run; and a start or a day regeneration reserves an estimate of what its run
-- will spend in the same statement that takes its spend token
-- (public.take_spend_token_within_budget). A run's reservation is held on its
-- plan row and counts only while the run is live, less what the run has
-- already spent (its calls are counted in org_daily_usage themselves): so it
-- is settled when the run ends, however it ends (saved, failed, cancelled,
-- superseded, gone stale), with no write of its own. Concurrent starts are
-- serialised on the org's usage row for the day, so at the edge of the budget
-- they overshoot it by at most one run's estimate.

-- The save no longer counts anything: each call was counted when it was made.
drop trigger meal_plans_count_generation_usage on public.meal_plans;
drop function public.count_generation_usage();

alter table public.meal_plans
  add column generation_reserved_tokens bigint not null default 0 check (generation_reserved_tokens >= 0),
  add column generation_spent_tokens bigint not null default 0 check (generation_spent_tokens >= 0),
  add column day_generation_reserved_tokens bigint not null default 0 check (day_generation_reserved_tokens >= 0),
  add column day_generation_spent_tokens bigint not null default 0 check (day_generation_spent_tokens >= 0);
comment on column public.meal_plans.generation_reserved_tokens is
  'Model tokens the live whole-plan run reserved against the org''s daily budget when it started (an estimate).';
comment on column public.meal_plans.generation_spent_tokens is
  'Model tokens the current whole-plan run''s calls have used so far (each also counted in org_daily_usage).';
comment on column public.meal_plans.day_generation_reserved_tokens is
  'Model tokens the live one-day run reserved against the org''s daily budget when it started (an estimate).';
comment on column public.meal_plans.day_generation_spent_tokens is
  'Model tokens the current one-day run''s calls have used so far (each also counted in org_daily_usage).';
-- No new grant: the table's SELECT already covers the new columns (coaches
-- read their own org's plans), and coaches write none of the generation columns.

comment on table public.org_daily_usage is
  'Model tokens (input, output and cache) each org''s model calls used per UTC day, counted as each call returns.';

-- -----------------------------------------------------------------------------
-- The reservations of an org's live runs, net of what those runs already spent
-- -----------------------------------------------------------------------------
create function public.org_reserved_tokens(org uuid, stale_after interval) returns double precision
language sql stable
set search_path = ''
as $$
  select coalesce(sum(
           case when p.generation_status = 'generating' and p.generation_heartbeat_at >= now() - stale_after
                then greatest(0, p.generation_reserved_tokens - p.generation_spent_tokens) else 0 end
         + case when p.day_generation_status = 'generating' and p.day_generation_heartbeat_at >= now() - stale_after
                then greatest(0, p.day_generation_reserved_tokens - p.day_generation_spent_tokens) else 0 end), 0)::float8
  from public.meal_plans p
  where p.org_id = org
$$;
revoke all on function public.org_reserved_tokens(uuid, interval) from public, anon, authenticated;
grant execute on function public.org_reserved_tokens(uuid, interval) to service_role;

-- -----------------------------------------------------------------------------
-- The spend check: the budget (with reservations), then the buckets
-- -----------------------------------------------------------------------------
-- When budget > 0 the org's usage row for today is locked first, so two
-- checks for one org run one after the other and the second sees the first's
-- reservation (committed with the plan row the caller's statement writes).
-- Refused by the budget (used + reserved >= budget): no bucket is touched,
-- limited_by = 'daily_budget'. Else take_spend_token decides, as before. The
-- caller writes the reservation on the plan row in the same statement, only
-- when allowed.
create function public.take_spend_token_within_budget(
  org uuid,
  budget double precision,
  stale_after interval,
  bucket_keys text[],
  capacities double precision[],
  refill_per_second double precision[],
  out used double precision,
  out reserved double precision,
  out wait_seconds double precision,
  out limited_by text,
  out allowed boolean
)
language plpgsql
set search_path = ''
as $$
declare
  today date := (now() at time zone 'utc')::date;
begin
  reserved := 0;
  if budget > 0 then
    insert into public.org_daily_usage (org_id, usage_date) values (org, today) on conflict do nothing;
    select d.tokens into used from public.org_daily_usage d
    where d.org_id = org and d.usage_date = today
    for update;
    reserved := public.org_reserved_tokens(org, stale_after);
    if used + reserved >= budget then
      wait_seconds := null;
      limited_by := 'daily_budget';
      allowed := false;
      return;
    end if;
  else
    used := coalesce((select d.tokens from public.org_daily_usage d where d.org_id = org and d.usage_date = today), 0);
  end if;
  select t.wait_seconds, t.limited_by into wait_seconds, limited_by
  from public.take_spend_token(bucket_keys, capacities, refill_per_second) t;
  allowed := wait_seconds = 0;
end
$$;
revoke all on function public.take_spend_token_within_budget(uuid, double precision, interval, text[],
  double precision[], double precision[]) from public, anon, authenticated;
grant execute on function public.take_spend_token_within_budget(uuid, double precision, interval, text[],
  double precision[], double precision[]) to service_role;

-- -----------------------------------------------------------------------------
-- One model call's tokens, counted as it returns
-- -----------------------------------------------------------------------------
-- Counted for the org's day whatever became of the run (cancelled, superseded:
-- the tokens were spent all the same); added to the run's own spent tokens
-- only while it is the plan's current run of that kind, which is what its
-- reservation is netted against. The plan row is written before the usage
-- row, in the order the spend check takes them (no deadlock between them).
create function public.record_model_usage(org uuid, plan uuid, run_kind text, run_id uuid, tokens bigint)
returns void
language plpgsql
set search_path = ''
as $$
begin
  if tokens <= 0 then
    return;
  end if;
  if run_kind = 'plan' then
    update public.meal_plans set generation_spent_tokens = generation_spent_tokens + tokens
    where id = plan and generation_id = run_id;
  elsif run_kind = 'day' then
    update public.meal_plans set day_generation_spent_tokens = day_generation_spent_tokens + tokens
    where id = plan and day_generation_id = run_id;
  else
    raise exception 'unknown run kind %', run_kind;
  end if;
  insert into public.org_daily_usage (org_id, usage_date, tokens)
  values (org, (now() at time zone 'utc')::date, tokens)
  on conflict (org_id, usage_date) do update set tokens = public.org_daily_usage.tokens + excluded.tokens;
end
$$;
revoke all on function public.record_model_usage(uuid, uuid, text, uuid, bigint) from public, anon, authenticated;
grant execute on function public.record_model_usage(uuid, uuid, text, uuid, bigint) to service_role;

-- =============================================================================
-- Which process runs an inline generation, so a restart can take it up again
-- =============================================================================
-- Without an Inngest server, runs happen inside the app's process (the inline
-- runner). When that process dies mid-run, nothing else would ever finish the
-- run: the plan would show 'generating' until the staleness limit. The runner
-- now writes its own name on the runs it holds; the next process to start
-- takes up runs whose holder is gone, with the request they were started
-- with, and says so on the plan.
-- No new table: these are three more server-owned columns of meal_plans, which
-- coaches can read under the existing row-level security but not write (the
-- column grants of 20261124090500 do not include them).

alter table public.meal_plans
  add column generation_runner text
    check (generation_runner is null or generation_runner ~ '^inline:'),
  add column generation_resumed_at timestamptz,
  add column generation_request jsonb
    check (generation_request is null or jsonb_typeof(generation_request) = 'object');

comment on column public.meal_plans.generation_runner is
  'inline:<host>:<pid>:<nonce> of the process running this plan''s inline run, inline:stopped after a graceful stop; null for Inngest runs.';
comment on column public.meal_plans.generation_resumed_at is
  'When a restarted server last took up this plan''s interrupted inline run (null if never).';

comment on column public.meal_plans.generation_request is
  'The /generate/start body of an inline run, so a resumed run plans exactly what the coach asked for.';

-- Recovery on start looks only at generating plans held by an inline runner.
create index meal_plans_inline_generating_idx on public.meal_plans (generation_runner)
  where generation_status = 'generating' and generation_runner is not null;

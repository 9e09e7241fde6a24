-- =============================================================================
-- Asynchronous generation state (mirrors the original app's migration 0046)
-- =============================================================================
-- Generation no longer runs inside the request: /generate/start flips the plan
-- to 'generating' and queues a durable workflow; the page polls /generate/status.
-- These columns are that contract.

alter table public.meal_plans
  -- 0046: idle | generating | complete | error
  add column generation_status text not null default 'idle'
    constraint meal_plans_generation_status_check
    check (generation_status in ('idle', 'generating', 'complete', 'error')),
  -- 0046: null, or a descriptive, secret-free message for the coach
  add column generation_error text,
  -- Which run owns the plan. A new start issues a new id; a workflow run whose
  -- id is no longer current must not write days (it was superseded).
  add column generation_id uuid,
  add column generation_started_at timestamptz,
  add column generation_finished_at timestamptz,
  -- { phase, days_done, days_total } for the status endpoint's progress bar.
  add column generation_progress jsonb not null default '{}'::jsonb
    check (jsonb_typeof(generation_progress) = 'object'),
  -- Which model(s) wrote the plan and the tokens they used, for cost tracking.
  add column generation_model text,
  add column generation_usage jsonb not null default '{}'::jsonb
    check (jsonb_typeof(generation_usage) = 'object'),
  -- 'error' always says why; 'generating' always knows which run owns it.
  add constraint meal_plans_error_has_message
    check (generation_status <> 'error' or generation_error is not null),
  add constraint meal_plans_generating_has_run
    check (generation_status <> 'generating' or generation_id is not null);

comment on column public.meal_plans.generation_status is 'idle | generating | complete | error (see /generate/status).';
comment on column public.meal_plans.generation_id is 'The current generation run; the Inngest event id of plan/generate.requested.';

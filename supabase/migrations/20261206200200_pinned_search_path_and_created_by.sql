-- =============================================================================
-- Every function's search_path pinned; a plan's author set by the server
-- =============================================================================
-- Two low findings of the security review.
--
-- 1. Functions without a pinned search_path resolve unqualified names through
--    the caller's search_path: a role that can create objects in a schema
--    earlier on it could shadow what the function calls. Every function of
--    public now runs with an empty search_path (their bodies name public.*
--    objects in full, and built-ins live in pg_catalog, which is always
--    searched); tests/integration/database/grants.test.ts keeps it so.
--    usage_tokens() is dropped: its only caller, the save-time usage trigger,
--    went with 20261206200000 (each model call is counted as it returns).
alter function public.set_updated_at() set search_path = '';
alter function public.take_spend_token(text[], double precision[], double precision[]) set search_path = '';
drop function public.usage_tokens(jsonb);

-- 2. The coach's INSERT grant on meal_plans included created_by, so a coach
--    (through Supabase's REST API, say) could name any user id as a plan's
--    author. The column now defaults to the inserting user (auth.uid(), from
--    the request's JWT claims) and coaches may not name it; the server's own
--    inserts (service connection) may still set it.
alter table public.meal_plans alter column created_by set default auth.uid();
revoke insert (created_by) on table public.meal_plans from authenticated;

-- =============================================================================
-- The caller's org, inside the statement that needs it
-- =============================================================================
-- Every API request used to read the caller's membership in a transaction of
-- its own before running its real query: two transactions, eight round trips.
-- Now the routes name the caller's org inside their own statements with this
-- function, in the one transaction they run as the user; row-level security
-- still decides every row they see.

-- SECURITY DEFINER (like is_org_member) so reading org_members does not go
-- through that table's own policy; it answers only for auth.uid(). A coach in
-- several orgs acts for the one they joined first, as before.
create function public.caller_org_id() returns uuid
language sql stable security definer
set search_path = ''
as $$
  select m.org_id from public.org_members m
  where m.user_id = auth.uid()
  order by m.created_at, m.org_id
  limit 1
$$;
comment on function public.caller_org_id() is
  'The org the calling user (auth.uid()) acts for: their first membership; null when they belong to none.';
revoke all on function public.caller_org_id() from public, anon;
grant execute on function public.caller_org_id() to authenticated, service_role;

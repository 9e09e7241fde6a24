-- =============================================================================
-- The caller's org, read in the statement that opens the transaction
-- =============================================================================
-- Every user transaction opens with one statement that sets the JWT claims
-- and the `authenticated` role. That same statement now also reads the
-- caller's org, for the 403 a user without one gets, so a request no longer
-- spends a statement of its own on it. The opening statement runs as the
-- connection's owner role (the role switch it makes takes effect for the
-- statements after it), so the lookup takes the user id as an argument
-- instead of reading auth.uid().

-- SECURITY DEFINER (like caller_org_id) so the lookup does not go through
-- org_members' own policy. Not granted to coaches: they could otherwise ask
-- which org any user belongs to.
create function public.org_of_user(user_id uuid) returns uuid
language sql stable security definer
set search_path = ''
as $$
  select m.org_id from public.org_members m
  where m.user_id = org_of_user.user_id
  order by m.created_at, m.org_id
  limit 1
$$;
comment on function public.org_of_user(uuid) is
  'The org a user acts for: their first membership; null when they belong to none. For the server, not for coaches.';
revoke all on function public.org_of_user(uuid) from public, anon, authenticated;
grant execute on function public.org_of_user(uuid) to service_role;

-- One definition of "the org a user acts for": caller_org_id() asks org_of_user.
create or replace function public.caller_org_id() returns uuid
language sql stable security definer
set search_path = ''
as $$
  select public.org_of_user(auth.uid())
$$;

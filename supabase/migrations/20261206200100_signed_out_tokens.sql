-- =============================================================================
-- Sign-out that lasts: a denylist of signed-out local tokens, in the database
-- =============================================================================
-- Signing out of local sign-in ended the token in the server's memory: a
-- restart forgot it (the token worked again), another instance never knew,
-- and the list evicted its oldest entry at 10,000. The list now lives here,
-- shared by every instance and kept across restarts: one row per signed-out
-- token (its id, the `jti` claim every local token carries), until the token
-- would have expired anyway; rows past their expiry are deleted as the next
-- sign-out is written.

create table public.signed_out_tokens (
  token_id text primary key check (length(token_id) between 1 and 200),
  expires_at timestamptz not null
);
comment on table public.signed_out_tokens is
  'Local access tokens whose coach signed out (their jti), until they expire; written by the sign-out route only.';
create index signed_out_tokens_expires_at_idx on public.signed_out_tokens (expires_at);

-- The server's alone: coaches neither read nor write it.
alter table public.signed_out_tokens enable row level security;
revoke all on table public.signed_out_tokens from anon, authenticated;
grant all on table public.signed_out_tokens to service_role;

-- Raises (SQLSTATE 28000, invalid authorization) when the token was signed
-- out and has not expired; a null id (a token without one) passes. Called by
-- the statement that opens every request's transaction as the caller, so the
-- check costs no round trip and a refused token's statements, pipelined
-- behind it, are rolled back with it. SECURITY DEFINER: it runs after the
-- role has switched to authenticated, which has no grant on the table.
create function public.assert_session_live(token_id text) returns void
language plpgsql stable security definer
set search_path = ''
as $$
begin
  if token_id is not null and exists (
    select 1 from public.signed_out_tokens s
    where s.token_id = assert_session_live.token_id and s.expires_at > now()
  ) then
    raise exception 'The session has ended; sign in again' using errcode = '28000';
  end if;
end
$$;
revoke all on function public.assert_session_live(text) from public, anon, authenticated;
grant execute on function public.assert_session_live(text) to service_role;

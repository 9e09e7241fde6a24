import { type StatementResults, type Statements, type Transaction, userTransaction } from "@/server/database/index";
import { ApiError, unauthorized } from "@/server/http/api-error";
import type { Caller } from "./authenticate";

export const NO_ORGANISATION_MESSAGE = "Your account does not belong to an organisation yet";

/**
 * Runs a request's statements as the caller, under row-level security, in one
 * transaction and one round trip; the caller's membership comes from the
 * statement that opens the transaction: a signed-in user who belongs to no org
 * gets 403, whatever the statements found. Statements name the caller's org
 * as `public.caller_org_id()` (the first lock; row-level security is the second).
 */
export async function asCaller<const S extends Statements>(
  caller: Caller,
  statements: (tx: Transaction) => S,
): Promise<StatementResults<S>> {
  const { orgId, value } = await userTransaction(caller.claims, (tx) => statements(tx)).catch(refuseSignedOut);
  if (!orgId) throw new ApiError(403, NO_ORGANISATION_MESSAGE);
  return value as StatementResults<S>;
}

/**
 * The same for work that needs its answers as it goes (each awaited statement
 * is a round trip): the caller's org id (403 without one) is handed to the
 * work for the statements that name it.
 */
export async function asCallerWithOrg<T>(
  caller: Caller,
  work: (tx: Transaction, orgId: string) => Promise<T>,
): Promise<T> {
  const { value } = await userTransaction(caller.claims, async (tx, userOrg) => {
    const orgId = await userOrg();
    if (!orgId) throw new ApiError(403, NO_ORGANISATION_MESSAGE);
    return work(tx, orgId);
  }).catch(refuseSignedOut);
  return value as T;
}

export const SESSION_ENDED_MESSAGE = "The session has ended; sign in again";

/**
 * A token its coach signed out is refused by the transaction's opening
 * statement (public.assert_session_live, SQLSTATE 28000), on every instance
 * and after a restart: 401, and nothing the request sent was committed.
 */
function refuseSignedOut(error: unknown): never {
  if ((error as { code?: string } | null)?.code === "28000") throw unauthorized(SESSION_ENDED_MESSAGE);
  throw error;
}

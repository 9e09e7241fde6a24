import { asUser, type StatementResults, type Statements, type Transaction } from "@/server/database/index";
import { ApiError } from "@/server/http/api-error";
import type { Caller } from "./authenticate";

export const NO_ORGANISATION_MESSAGE = "Your account does not belong to an organisation yet";

/**
 * Runs a request's statements as the caller, under row-level security, in one
 * transaction and one round trip, with the caller's membership read in the
 * same pipeline: a signed-in user who belongs to no org gets 403, whatever the
 * statements found. Statements name the caller's org as
 * `public.caller_org_id()` (the first lock; row-level security is the second).
 */
export async function asCaller<const S extends Statements>(
  caller: Caller,
  statements: (tx: Transaction) => S,
): Promise<StatementResults<S>> {
  const [membership, ...results] = await asUser(caller.claims, (tx) => [
    tx<{ org_id: string | null }[]>`select public.caller_org_id() as org_id`,
    ...statements(tx),
  ]);
  if (!membership[0]?.org_id) throw new ApiError(403, NO_ORGANISATION_MESSAGE);
  return results as unknown as StatementResults<S>;
}

/**
 * The same for work that needs its answers as it goes (each awaited statement
 * is a round trip): the membership is read first, in the same transaction
 * (403 without one), and the caller's org id is handed to the work for the
 * statements that name it.
 */
export function asCallerWithOrg<T>(caller: Caller, work: (tx: Transaction, orgId: string) => Promise<T>): Promise<T> {
  return asUser(caller.claims, async (tx) => {
    const [membership] = await tx<{ org_id: string | null }[]>`select public.caller_org_id() as org_id`;
    if (!membership?.org_id) throw new ApiError(403, NO_ORGANISATION_MESSAGE);
    return work(tx, membership.org_id);
  });
}

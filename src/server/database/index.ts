import { env } from "@/server/env";
import { connect, type Database, type Transaction } from "./connection";
import { embeddedUrl } from "./local-defaults";
import { databaseUnavailable, errorCode } from "./unavailable";

export type { Database, Transaction };

/**
 * The one pool of the process. It connects as the database owner (the
 * "service" connection, which row-level security does not limit); a route's
 * queries go through `asCaller` (src/server/auth/as-caller.ts), built on
 * `userTransaction` below, which drops to the `authenticated` role; `asUser`
 * is the same transaction for tests and scripts that hold only claims.
 * Kept on globalThis so Next's dev reloads do not open a pool per edit.
 */
const holder = globalThis as unknown as { mealPlanDatabase?: Database };

export function databaseUrl(): string {
  return env().DATABASE_URL ?? embeddedUrl(env().EMBEDDED_DATABASE_PORT);
}

export function db(): Database {
  holder.mealPlanDatabase ??= connect(databaseUrl(), { maxConnections: env().DATABASE_POOL_MAX });
  return holder.mealPlanDatabase;
}

export async function closeDatabase(): Promise<void> {
  const current = holder.mealPlanDatabase;
  holder.mealPlanDatabase = undefined;
  await current?.end({ timeout: 5 });
}

/**
 * After an error that says a connection was lost under a query (the database
 * restarted, or its old processes exited), the pool the failed work used is
 * replaced, so the next try opens fresh connections instead of meeting
 * another one opened before the loss; queries still running on the old pool
 * get 5 s to finish. A pool already replaced is left alone: after a restart
 * several runs meet the same loss, and the second must not end the fresh pool
 * the first one's retry is using. Other errors (a refused connection: the
 * database is simply away) change nothing. True when the pool was replaced.
 */
export function renewPoolAfterLostConnection(error: unknown, failedOn: Database): boolean {
  if (!LOST_CONNECTION.test(errorCode(error))) return false;
  const current = holder.mealPlanDatabase;
  if (current === undefined || current !== failedOn) return false;
  holder.mealPlanDatabase = undefined;
  void current.end({ timeout: 5 }).catch(() => undefined);
  return true;
}

const LOST_CONNECTION = /^(CONNECTION_CLOSED|CONNECTION_DESTROYED|ECONNRESET|EPIPE|57P01|57P02)$/;

/** `jti`: the token's id, refused once its coach signed out (public.assert_session_live). */
export type UserClaims = {
  sub: string;
  role: "authenticated";
  email?: string;
  jti?: string;
  [claim: string]: unknown;
};

/** Statements known before the transaction starts: they can all leave in one write. */
export type Statements = readonly Promise<unknown>[];
export type StatementResults<S extends Statements> = { -readonly [K in keyof S]: Awaited<S[K]> };

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Starts a query now and keeps its outcome, so a failure is reported in order instead of as an unhandled rejection. */
function settle<T>(query: Promise<T>): Promise<Settled<T>> {
  return query.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

/**
 * Runs statements in a transaction as the signed-in user: role
 * `authenticated` with the JWT claims set, exactly as PostgREST would, so
 * row-level security applies even if a query forgets its org filter.
 *
 * Pipelined on one reserved connection: BEGIN, the opening statement (claims,
 * role, the check that the token was not signed out, and the user's org) and
 * the first statement leave in one write. Given
 * an array of statements (all known up front), COMMIT goes in that same write
 * too, so the whole transaction costs one round trip; a failing statement
 * aborts the transaction and the COMMIT behind it becomes a rollback. Given an
 * async function, each awaited statement is a round trip and COMMIT follows
 * the last.
 */
export function asUser<const S extends Statements>(
  claims: UserClaims,
  statements: (tx: Transaction) => S,
): Promise<StatementResults<S>>;
export function asUser<T>(claims: UserClaims, work: (tx: Transaction) => Promise<T>): Promise<T>;
export async function asUser(
  claims: UserClaims,
  work: (tx: Transaction) => Statements | Promise<unknown>,
): Promise<unknown> {
  return (await userTransaction(claims, (tx) => work(tx))).value;
}

/**
 * Inside a user transaction: the statements after this one run as the
 * server's own role again (SET LOCAL ROLE NONE), still in the same
 * transaction and under the locks the caller's statements took. For writes
 * coaches hold no grant for (a plan's days, meals, items and share links):
 * the caller's statements before it proved the org owns the rows, and the
 * write names those rows by id.
 */
export async function continueAsServer(tx: Transaction): Promise<void> {
  await tx`select set_config('role', 'none', true)`;
}

/** What the transaction's opening statement found: the org the user acts for (null without one). */
export type UserOrg = () => Promise<string | null>;

/**
 * asUser's core, which also answers the user's org from the opening
 * statement (`public.org_of_user`), so callers that need it (the 403 for a
 * user without an org, the org id for an insert) spend no statement on it.
 * `work` may await `userOrg()`; statements it returns as an array are
 * pipelined whatever the org turns out to be.
 */
export async function userTransaction(
  claims: UserClaims,
  work: (tx: Transaction, userOrg: UserOrg) => Statements | Promise<unknown>,
): Promise<{ orgId: string | null; value: unknown }> {
  const transaction = runUserTransaction(claims, work);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      console.warn(`[database] a user transaction did not finish within ${USER_TRANSACTION_DEADLINE_MS / 1000} s`);
      reject(
        Object.assign(new Error(`the database did not answer within ${USER_TRANSACTION_DEADLINE_MS / 1000} s`), {
          code: "CONNECTION_TIMEOUT",
        }),
      );
    }, USER_TRANSACTION_DEADLINE_MS);
  });
  // If the deadline wins, the transaction still ends (and gives its connection back) on its own.
  transaction.catch(() => undefined);
  try {
    return await Promise.race([transaction, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The longest a request waits for its transaction: past it, the request is
 * answered 503 (a CONNECTION_ error, see databaseUnavailable) instead of
 * hanging until the host ends it (Netlify: 60 s, 26 s on older sites). In the fault campaign a
 * status poll sent while PostgreSQL restarted once went unanswered for 20 s
 * (cause not found); this bounds any such wait.
 */
const USER_TRANSACTION_DEADLINE_MS = 15_000;

async function runUserTransaction(
  claims: UserClaims,
  work: (tx: Transaction, userOrg: UserOrg) => Statements | Promise<unknown>,
): Promise<{ orgId: string | null; value: unknown }> {
  const connection = await db().reserve();
  // set_config('role', …, true) is SET LOCAL ROLE; both settings end with the transaction.
  const begin = settle(connection`begin`);
  const opening = settle(
    connection<{ org_id: string | null }[]>`
      select set_config('request.jwt.claims', ${JSON.stringify(claims)}, true),
             set_config('role', 'authenticated', true),
             public.assert_session_live(${typeof claims.jti === "string" ? claims.jti : null}::text),
             public.org_of_user(${claims.sub}::uuid) as org_id`,
  );
  const userOrg: UserOrg = async () => {
    const [began, opened] = await Promise.all([begin, opening]);
    if (!began.ok) throw began.error;
    if (!opened.ok) throw opened.error;
    return opened.value[0]?.org_id ?? null;
  };
  try {
    const produced = work(connection, userOrg);
    if (Array.isArray(produced)) {
      const results = produced.map(settle);
      const outcomes = await Promise.all([begin, opening, ...results, settle(connection`commit`)]);
      // The first failure is the cause. (BEGIN fails only with its connection, and takes everything behind it along.)
      const failure = outcomes.find((outcome) => !outcome.ok);
      if (failure && !failure.ok) throw failure.error;
      // The statements' results sit after BEGIN and the opening statement.
      const value = outcomes.slice(2, 2 + results.length).map((outcome) => (outcome.ok ? outcome.value : undefined));
      return { orgId: await userOrg(), value };
    }
    const value = await produced;
    const orgId = await userOrg();
    await connection`commit`;
    return { orgId, value };
  } catch (error) {
    // Ends the transaction whatever state it is in (a no-op warning when the pipelined COMMIT already ended it).
    await Promise.all([begin, opening]);
    // A connection that was lost took its transaction with it; a ROLLBACK on it
    // would wait for a reconnect while the database is away and hold the request.
    if (!databaseUnavailable(error)) await connection`rollback`.catch(() => undefined);
    throw error;
  } finally {
    connection.release();
  }
}

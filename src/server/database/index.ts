import { env } from "@/server/env";
import { connect, type Database, type Transaction } from "./connection";
import { embeddedUrl } from "./local-defaults";
import { databaseUnavailable } from "./unavailable";

export type { Database, Transaction };

/**
 * The one pool of the process. It connects as the database owner (the
 * "service" connection, which row-level security does not limit); user-facing
 * queries go through `asUser`, which drops to the `authenticated` role.
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

export type UserClaims = { sub: string; role: "authenticated"; email?: string; [claim: string]: unknown };

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
 * Pipelined on one reserved connection: BEGIN, the claims and the first
 * statement leave in one write. Given an array of statements (all known up
 * front), COMMIT goes in that same write too, so the whole transaction costs
 * one round trip; a failing statement aborts the transaction and the COMMIT
 * behind it becomes a rollback. Given an async function, each awaited
 * statement is a round trip and COMMIT follows the last.
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
  const connection = await db().reserve();
  // set_config('role', …, true) is SET LOCAL ROLE; both settings end with the transaction.
  const opening = [
    settle(connection`begin`),
    settle(
      connection`select set_config('request.jwt.claims', ${JSON.stringify(claims)}, true), set_config('role', 'authenticated', true)`,
    ),
  ];
  try {
    const produced = work(connection);
    if (Array.isArray(produced)) {
      const results = produced.map(settle);
      const outcomes = await Promise.all([...opening, ...results, settle(connection`commit`)]);
      // The first failure is the cause. (BEGIN fails only with its connection, and takes everything behind it along.)
      const failure = outcomes.find((outcome) => !outcome.ok);
      if (failure && !failure.ok) throw failure.error;
      return outcomes
        .slice(opening.length, opening.length + results.length)
        .map((outcome) => (outcome.ok ? outcome.value : undefined));
    }
    const value = await produced;
    for (const outcome of await Promise.all(opening)) if (!outcome.ok) throw outcome.error;
    await connection`commit`;
    return value;
  } catch (error) {
    // Ends the transaction whatever state it is in (a no-op warning when the pipelined COMMIT already ended it).
    await Promise.all(opening);
    // A connection that was lost took its transaction with it; a ROLLBACK on it
    // would wait for a reconnect while the database is away and hold the request.
    if (!databaseUnavailable(error)) await connection`rollback`.catch(() => undefined);
    throw error;
  } finally {
    connection.release();
  }
}

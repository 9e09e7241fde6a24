import { env } from "@/server/env";
import { connect, type Database, type Transaction } from "./connection";
import { embeddedUrl } from "./local-defaults";

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

/**
 * Runs `work` in a transaction as the signed-in user: role `authenticated` with
 * the JWT claims set, exactly as PostgREST would, so row-level security applies
 * even if a query forgets its org filter.
 */
export function asUser<T>(claims: UserClaims, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return db().begin(async (tx) => {
    // One round trip for both, as PostgREST does: set_config('role', …, true) is SET LOCAL ROLE.
    await tx`select set_config('request.jwt.claims', ${JSON.stringify(claims)}, true), set_config('role', 'authenticated', true)`;
    return work(tx);
  }) as Promise<T>;
}

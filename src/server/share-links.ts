import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { clientFacingTitle } from "@/generation/intake/plan-settings";
import { asCallerWithOrg } from "@/server/auth/as-caller";
import type { Caller } from "@/server/auth/authenticate";
import { continueAsServer, db } from "@/server/database/index";
import { ApiError, notFound } from "@/server/http/api-error";
import { type PlanDetail, selectPlanDetail } from "./plan-detail";
import { type PlanSender, readPlanSender } from "./plan-sender";

/**
 * Read-only links that show one plan to its client without sign-in. The URL
 * holds only a random token (256 bits); the database holds its SHA-256, an
 * expiry and a revocation time, so a link reaches one plan, expires, and
 * stops working the moment it is revoked.
 */

export const DEFAULT_SHARE_DAYS = 30;
/** Working (unexpired, unrevoked) links one plan may have: a client or two, a few spares. */
export const MAX_ACTIVE_SHARE_LINKS = 20;
export const MAX_SHARE_DAYS = 90;

export const CreateShareBodySchema = z.strictObject({
  expires_in_days: z.number().int().min(1).max(MAX_SHARE_DAYS).optional(),
});

/** base64url of 32 random bytes: 43 characters, no padding. */
const ShareTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export type ShareLink = { id: string; created_at: string; expires_at: string };
export type CreatedShareLink = ShareLink & { token: string };

/** A new link for a plan of the caller's org that has days to show; the token is returned once, never stored. */
export async function createShareLink(
  caller: Caller,
  planId: string,
  expiresInDays: number,
): Promise<CreatedShareLink> {
  const token = randomBytes(32).toString("base64url");
  return asCallerWithOrg(caller, async (tx, orgId) => {
    const [plan] = await tx<{ has_days: boolean }[]>`
      select exists (select 1 from meal_plan_days d where d.plan_id = p.id) as has_days
      from meal_plans p where p.id = ${planId} and p.org_id = ${orgId}`;
    if (!plan) throw notFound();
    if (!plan.has_days) throw new ApiError(409, "The plan has no days yet; generate it before sharing it");
    // Coaches have no write grant on share links: the server writes, for the plan checked above.
    await continueAsServer(tx);
    // Creates for one plan take turns on its row, and the count below is a
    // statement after the lock (a new snapshot): the cap holds when they race.
    await tx`select 1 from meal_plans where id = ${planId} and org_id = ${orgId} for update`;
    const [link] = await tx<ShareLink[]>`
      insert into plan_share_links (plan_id, org_id, created_by, token_hash, expires_at)
      select ${planId}, ${orgId}, ${caller.userId}, ${hashToken(token)}, now() + make_interval(days => ${expiresInDays}::int)
      where (select count(*) from plan_share_links l
             where l.plan_id = ${planId} and l.revoked_at is null and l.expires_at > now()) < ${MAX_ACTIVE_SHARE_LINKS}
      returning id, created_at, expires_at`;
    if (!link) {
      throw new ApiError(
        409,
        `This plan already has ${MAX_ACTIVE_SHARE_LINKS} working share links, the most it may have; revoke them (or let some expire) first`,
      );
    }
    return { ...link, token };
  });
}

/** The plan's links that still work, newest first (tokens cannot be shown again). */
export async function listShareLinks(caller: Caller, planId: string): Promise<ShareLink[]> {
  return asCallerWithOrg(caller, async (tx, orgId) => {
    const [plan] = await tx`select 1 from meal_plans where id = ${planId} and org_id = ${orgId}`;
    if (!plan) throw notFound();
    return tx<ShareLink[]>`
      select id, created_at, expires_at from plan_share_links
      where plan_id = ${planId} and revoked_at is null and expires_at > now()
      order by created_at desc`;
  });
}

/** Revokes every working link of the plan; answers how many. */
export async function revokeShareLinks(caller: Caller, planId: string): Promise<number> {
  return asCallerWithOrg(caller, async (tx, orgId) => {
    const [plan] = await tx`select 1 from meal_plans where id = ${planId} and org_id = ${orgId}`;
    if (!plan) throw notFound();
    await continueAsServer(tx);
    const result = await tx`
      update plan_share_links set revoked_at = now()
      where plan_id = ${planId} and org_id = ${orgId} and revoked_at is null`;
    return result.count;
  });
}

/**
 * What a share link shows: the client's title (never the coach's internal
 * plan name), who it is from (the coach's and the org's names), the start
 * date, the days and targets; nothing internal (no ids, notes, client
 * record, brief or run).
 */
export type SharedPlan = Pick<PlanDetail, "plan_length_days" | "start_date" | "targets" | "days" | "shopping"> &
  PlanSender & {
    /** The title the client reads (clientFacingTitle). */
    title: string;
    /** The link's id (not its token): names the client's grocery ticks in their browser. */
    link_id: string;
    expires_at: string;
  };

/**
 * The plan behind a token, or undefined for a token that is malformed,
 * unknown, expired or revoked (the page answers all four the same way, 404).
 * Runs on the server connection: the token is the credential.
 */
export async function readSharedPlan(token: string): Promise<SharedPlan | undefined> {
  if (!ShareTokenSchema.safeParse(token).success) return undefined;
  const sql = db();
  const [link] = await sql<{ id: string; plan_id: string; org_id: string; expires_at: string }[]>`
    select id, plan_id, org_id, expires_at from plan_share_links
    where token_hash = ${hashToken(token)} and revoked_at is null and expires_at > now()`;
  if (!link) return undefined;
  const [plan, sender] = await Promise.all([
    selectPlanDetail(sql, link.plan_id, link.org_id),
    readPlanSender(sql, link.plan_id),
  ]);
  if (!plan || !sender) return undefined;
  return {
    title: clientFacingTitle(plan.client_title, plan.client_name),
    ...sender,
    plan_length_days: plan.plan_length_days,
    start_date: plan.start_date,
    targets: plan.targets,
    days: plan.days,
    shopping: plan.shopping,
    link_id: link.id,
    expires_at: link.expires_at,
  };
}

import { type Database, db } from "@/server/database/index";
import { type Env, env } from "@/server/env";
import { ApiError } from "@/server/http/api-error";

/**
 * Limits on what costs money, CPU or rows: starting a plan's generation,
 * regenerating a day, creating a plan, swapping a food (the solver),
 * creating a share link. Each takes one token from a bucket
 * for the coach and one for the org (both or neither, in one statement:
 * `public.take_spend_token`), and a run that would call the model is refused
 * once the org's model tokens today (UTC, every call counted as it returns:
 * src/server/model-usage.ts) plus what its live runs reserved and have not
 * spent yet reach ORG_DAILY_TOKEN_BUDGET; an admitted run reserves its
 * estimate in the same statement.
 * Refusals are 429 with Retry-After and a message the page shows as is.
 *
 * The sizes: a coach may start a few plans back to back (a burst), then
 * about one every two minutes; an org several coaches' worth. A stolen token
 * or a script burns at most a burst and then the refill rate, and five
 * start/cancel cycles in three seconds stop at the fifth.
 */
export type SpendAction = "start" | "regenerate-day" | "create-plan" | "swap" | "create-share";

type Bucket = { burst: number; perHour: number };
type ActionLimits = {
  coach: Bucket;
  org: Bucket;
  callsTheModel: boolean;
  /** "… too many X in a short time" */
  tooMany: string;
};

const SPEND_LIMITS: Record<SpendAction, ActionLimits> = {
  start: {
    coach: { burst: 4, perHour: 30 },
    org: { burst: 12, perHour: 120 },
    callsTheModel: true,
    tooMany: "started too many plan generations",
  },
  "regenerate-day": {
    coach: { burst: 6, perHour: 60 },
    org: { burst: 20, perHour: 240 },
    callsTheModel: true,
    tooMany: "regenerated too many days",
  },
  "create-plan": {
    coach: { burst: 20, perHour: 120 },
    org: { burst: 60, perHour: 600 },
    callsTheModel: false,
    tooMany: "created too many plans",
  },
  // No model call, but each swap and each hand edit of a day (grams, add,
  // remove, move, lock, rebalance; not undo) runs the balance step's solver
  // on the day (tens to hundreds of ms of CPU): a coach editing by hand
  // changes a few foods a minute.
  swap: {
    coach: { burst: 30, perHour: 600 },
    org: { burst: 90, perHour: 3000 },
    callsTheModel: false,
    tooMany: "edited too many foods",
  },
  // Each link is a row and a way into the plan; a coach shares a plan with a
  // client or two (the number of working links per plan is capped too:
  // share-links.ts, MAX_ACTIVE_SHARE_LINKS).
  "create-share": {
    coach: { burst: 10, perHour: 60 },
    org: { burst: 30, perHour: 300 },
    callsTheModel: false,
    tooMany: "created too many share links",
  },
};

/** Why a request was refused, for clients that act on it (the page shows `error`). */
export type SpendLimitDetails = { limit: "coach" | "org" | "daily_budget"; retry_after_seconds: number };

/** "47 s", "3 min", "2 h 5 min": how long to wait, as a coach reads it. */
export function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}

const formatTokens = (tokens: number) => Math.round(tokens).toLocaleString("en-US");

/** What a spend check found (the columns of `spendCheck`'s statement). */
export type SpendCheck = {
  org_id: string | null;
  /** The org's model tokens counted today (UTC). */
  used: number;
  /** What the org's live runs reserved and have not spent yet (0 for actions that call no model). */
  reserved: number;
  until_midnight: number;
  wait_seconds: number | null;
  /** The bucket that refused, or "daily_budget"; null when nothing refused (or nothing was checked). */
  limited_by: string | null;
  /** The tokens were taken (or the user has no org, whose action answers 403 itself). */
  allowed: boolean;
};

/** How a spend check is run inside a route's statement. */
export type SpendCheckOptions = {
  /**
   * A condition of the route's statement (e.g. "the plan row is ours to
   * start"): when false nothing is checked, taken or reserved, and the check
   * answers not allowed with no refusal (limited_by null).
   */
  gate?: ReturnType<Database>;
  /** Minutes without a heartbeat after which a run's reservation stops counting (GENERATION_STALE_AFTER_MINUTES). */
  staleAfterMinutes?: number;
};

/**
 * The statement that takes the action's tokens for the coach and their org
 * (the org is looked up when not given), unless the org's model tokens today
 * plus what its live runs have reserved reach its budget: one row,
 * `SpendCheck` (`public.take_spend_token_within_budget`, which locks the
 * org's usage row for the day first, so concurrent checks of one org take
 * turns and each sees the reservations before it). A fragment, so a route
 * can run it inside its own statement (the start's transition does: no
 * extra round trip), gate its write on `allowed` and write its run's
 * reservation in the same statement.
 */
export function spendCheck(
  sql: Database,
  action: SpendAction,
  who: { userId: string; orgId: string | null },
  options: SpendCheckOptions = {},
  configuration: Env = env(),
) {
  const limits = SPEND_LIMITS[action];
  const scale = configuration.SPEND_LIMIT_SCALE;
  const budget = limits.callsTheModel ? configuration.ORG_DAILY_TOKEN_BUDGET : 0;
  const capacity = (bucket: Bucket) => bucket.burst * scale;
  const perSecond = (bucket: Bucket) => (bucket.perHour * scale) / 3600;
  const staleAfterMinutes = options.staleAfterMinutes ?? configuration.GENERATION_STALE_AFTER_MINUTES;
  return sql`
    with who as (select coalesce(${who.orgId}::uuid, public.org_of_user(${who.userId}::uuid)) as org_id),
    -- Called only for a known org whose statement lets it (the filter applies to who's row).
    taken as (
      select t.used, t.reserved, t.wait_seconds, t.limited_by, t.allowed
      from who, lateral public.take_spend_token_within_budget(
        who.org_id, ${budget}::float8, make_interval(mins => ${staleAfterMinutes}::int),
        array['coach:' || ${who.userId}::text || ':' || ${action}::text,
              'org:' || who.org_id::text || ':' || ${action}::text],
        array[${capacity(limits.coach)}, ${capacity(limits.org)}]::float8[],
        array[${perSecond(limits.coach)}, ${perSecond(limits.org)}]::float8[]) as t
      where who.org_id is not null and ${options.gate ?? sql`true`}
    )
    select who.org_id, coalesce(taken.used, 0)::float8 as used, coalesce(taken.reserved, 0)::float8 as reserved,
           extract(epoch from date_trunc('day', now() at time zone 'utc') + interval '1 day'
                              - (now() at time zone 'utc'))::float8 as until_midnight,
           taken.wait_seconds, taken.limited_by,
           (who.org_id is null or coalesce(taken.allowed, false)) as allowed
    from who left join taken on true`;
}

/** A run refused only for what runs in progress reserved is asked to come back this soon. */
const RESERVED_RETRY_SECONDS = 60;

/** The 429 for a check that refused (undefined when it was allowed or gated off). */
export function spendRefusal(
  check: SpendCheck | undefined,
  action: SpendAction,
  configuration: Env = env(),
): ApiError | undefined {
  if (!check || check.allowed || check.limited_by === null) return undefined;
  const limits = SPEND_LIMITS[action];
  if (check.limited_by === "daily_budget") {
    const budget = configuration.ORG_DAILY_TOKEN_BUDGET;
    if (check.used >= budget) {
      const retryAfter = Math.max(1, Math.ceil(check.until_midnight));
      return refusal(
        `Your organisation has used ${formatTokens(check.used)} of its ${formatTokens(budget)} model tokens today; ` +
          `generating can start again after midnight UTC (in ${formatWait(retryAfter)})`,
        { limit: "daily_budget", retry_after_seconds: retryAfter },
      );
    }
    return refusal(
      `Your organisation has used ${formatTokens(check.used)} of its ${formatTokens(budget)} model tokens today ` +
        `and runs in progress may use ${formatTokens(check.reserved)} more; ` +
        `try again when they finish (in ${formatWait(RESERVED_RETRY_SECONDS)})`,
      { limit: "daily_budget", retry_after_seconds: RESERVED_RETRY_SECONDS },
    );
  }
  const retryAfter = Math.max(1, Math.ceil(check.wait_seconds ?? 1));
  const byOrg = check.limited_by.startsWith("org:");
  return refusal(
    `${byOrg ? "Your organisation has" : "You have"} ${limits.tooMany} in a short time; try again in ${formatWait(retryAfter)}`,
    { limit: byOrg ? "org" : "coach", retry_after_seconds: retryAfter },
  );
}

/** Takes the action's tokens for the coach and their org in one statement, or throws 429. */
export async function takeSpendToken(
  action: SpendAction,
  who: { userId: string; orgId: string | null },
  configuration: Env = env(),
): Promise<void> {
  const sql = db();
  const [check] = await sql<SpendCheck[]>`${spendCheck(sql, action, who, {}, configuration)}`;
  const refused = spendRefusal(check, action, configuration);
  if (refused) throw refused;
}

function refusal(message: string, details: SpendLimitDetails): ApiError {
  return new ApiError(429, message, details, { "retry-after": String(details.retry_after_seconds) });
}

/** The org's model tokens today (UTC) and its budget, for the plans page. */
export type TokenUsage = { tokens_today: number; daily_budget: number };

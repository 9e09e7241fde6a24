import { z } from "zod";
import { MEAL_NAMES, mealFromParam } from "@/generation/catalogue/meal-slots";
import { MAX_PLAN_DAYS, PlanDayNumberSchema } from "@/generation/intake/intake";
import type { UserClaims } from "@/server/database/index";
import { badRequest, unauthorized } from "@/server/http/api-error";
import { assertSameOrigin } from "@/server/http/same-origin";
import { InvalidTokenError, verifyAccessToken } from "./access-token";
import { supabaseAuthConfigured } from "./auth-mode";
import { accessTokenFromCookies, LOCAL_SESSION_COOKIE } from "./session-cookie";

/**
 * A caller with a verified token. Which org they act for is not looked up
 * here: each request names it inside its own statements (`asCaller`), so a
 * request pays for one transaction, not a membership read and then its own.
 */
export type Caller = { userId: string; email: string | undefined; claims: UserClaims };

function parseCookieHeader(header: string | null): { name: string; value: string }[] {
  if (!header) return [];
  return header.split(";").flatMap((part) => {
    const index = part.indexOf("=");
    if (index <= 0) return [];
    return [{ name: part.slice(0, index).trim(), value: part.slice(index + 1).trim() }];
  });
}

/** The bearer token, else the Supabase session cookie's access token. */
export function accessTokenFrom(request: Request): string | undefined {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    return match?.[1];
  }
  return sessionAccessToken(parseCookieHeader(request.headers.get("cookie")));
}

/**
 * The access token in the session cookies the server honours (unverified).
 * Also used by signed-in pages to send visitors without one to sign-in.
 */
export function sessionAccessToken(cookies: ReadonlyArray<{ name: string; value: string }>): string | undefined {
  // A stale local-sign-in cookie must not shadow a Supabase session.
  return accessTokenFromCookies(
    supabaseAuthConfigured() ? cookies.filter((cookie) => !cookie.name.startsWith(LOCAL_SESSION_COOKIE)) : cookies,
  );
}

/**
 * Who is calling: a verified access token (no database work; 401 when missing
 * or invalid). A state-changing request signed in by the session cookie must
 * come from this app's own pages (403 otherwise: `assertSameOrigin`).
 */
export async function authenticate(request: Request): Promise<Caller> {
  const token = accessTokenFrom(request);
  if (!token) throw unauthorized();
  if (!request.headers.get("authorization")) assertSameOrigin(request);
  try {
    const verified = await verifyAccessToken(token);
    return { userId: verified.sub, email: verified.email, claims: { ...verified, role: "authenticated" } };
  } catch (error) {
    if (error instanceof InvalidTokenError) throw unauthorized(error.message);
    throw error;
  }
}

const UuidSchema = z.uuid();

/** A UUID route parameter, or 400 naming it. */
function parseUuidParam(name: string, value: string): string {
  const parsed = UuidSchema.safeParse(value);
  if (!parsed.success) throw badRequest(`${name} must be a UUID`, { [name]: value.slice(0, 100) });
  return parsed.data;
}

export function parsePlanId(value: string): string {
  return parseUuidParam("planId", value);
}

export function parseItemId(value: string): string {
  return parseUuidParam("itemId", value);
}

const DayParamSchema = z
  .string()
  .regex(/^\d{1,2}$/)
  .transform(Number)
  .pipe(PlanDayNumberSchema);

/** A plan's day number as a route parameter ("3"), or 400 naming it. */
export function parseDayParam(value: string): number {
  const day = DayParamSchema.safeParse(value);
  if (!day.success) {
    throw badRequest(`day must be a day number of the plan (1-${MAX_PLAN_DAYS})`, [
      { path: "day", message: value.slice(0, 20) },
    ]);
  }
  return day.data;
}

const MealParamSchema = z
  .string()
  .max(40)
  .transform((value, context) => {
    const meal = mealFromParam(value);
    if (meal === undefined) {
      context.addIssue({ code: "custom", message: "no such meal" });
      return z.NEVER;
    }
    return meal;
  });

/** A meal of a day as a route parameter ("lunch", "afternoon-snack"), as the day names it, or 400 naming them. */
export function parseMealParam(value: string): string {
  const meal = MealParamSchema.safeParse(value);
  if (!meal.success) {
    throw badRequest(`meal must be one of ${MEAL_NAMES.join(", ")}`, [{ path: "meal", message: value.slice(0, 40) }]);
  }
  return meal.data;
}

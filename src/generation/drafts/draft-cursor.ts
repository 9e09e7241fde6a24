import { z } from "zod";
import { MAX_PLAN_DAYS } from "@/generation/intake/intake";

/**
 * Where a reader of a run's drafted days is: the run it has drafts of and
 * which of its days it has, written `<generation id>:<mask>` (bit n-1 set for
 * day n), or `start` for a reader that has none. Drafts of one run arrive in
 * any order (chunks run at once), so a set of days, not a position, is what
 * says what is new. The status read answers the days the cursor lacks and
 * the cursor that includes them; a cursor of another run gets every draft of
 * the current one.
 */
export type DraftCursor = { generationId: string | null; days: number[] };

export const DRAFTS_FROM_START = "start";

const ALL_DAYS_MASK = 2 ** MAX_PLAN_DAYS - 1;

const CursorSchema = z.union([
  z.literal(DRAFTS_FROM_START).transform((): DraftCursor => ({ generationId: null, days: [] })),
  z
    .string()
    .regex(/^[0-9a-f-]{36}:\d{1,9}$/i, { error: "is not a drafts cursor this server gave" })
    .transform((text, context): DraftCursor | typeof z.NEVER => {
      const [generationId = "", maskText = ""] = text.split(":");
      const mask = Number(maskText);
      if (!z.uuid().safeParse(generationId).success || mask > ALL_DAYS_MASK) {
        context.addIssue({ code: "custom", message: "is not a drafts cursor this server gave" });
        return z.NEVER;
      }
      const days: number[] = [];
      for (let day = 1; day <= MAX_PLAN_DAYS; day += 1) if (Math.floor(mask / 2 ** (day - 1)) % 2 === 1) days.push(day);
      return { generationId: generationId.toLowerCase(), days };
    }),
]);

/** The cursor a client sent (`drafts_after`), or why it is not one. */
export function parseDraftCursor(text: string): { ok: true; cursor: DraftCursor } | { ok: false; error: string } {
  const parsed = CursorSchema.safeParse(text);
  return parsed.success
    ? { ok: true, cursor: parsed.data }
    : { ok: false, error: `drafts_after ${parsed.error.issues[0]?.message ?? "is not a drafts cursor"}` };
}

/** The cursor for a reader that has these days of this run. */
export function draftCursor(generationId: string, days: Iterable<number>): string {
  let mask = 0;
  for (const day of new Set(days)) if (day >= 1 && day <= MAX_PLAN_DAYS) mask += 2 ** (day - 1);
  return `${generationId}:${mask}`;
}

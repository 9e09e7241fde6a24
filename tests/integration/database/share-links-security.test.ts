import { describe, expect, it } from "vitest";
import { asUser, db } from "@/server/database/index";
import { createPlan } from "../../support/plan-factory";
import { DEMO_COACH_ID, DEMO_ORG_ID, OTHER_COACH_ID, OTHER_ORG_ID } from "../../support/seed-ids";

const demoCoach = { sub: DEMO_COACH_ID, role: "authenticated" } as const;
const otherCoach = { sub: OTHER_COACH_ID, role: "authenticated" } as const;

async function insertLink(planId: string, orgId: string, hash: string): Promise<string> {
  const [link] = await db()<{ id: string }[]>`
    insert into plan_share_links (plan_id, org_id, token_hash, expires_at)
    values (${planId}, ${orgId}, ${hash}, now() + interval '1 day') returning id`;
  return link?.id ?? "";
}

describe("plan_share_links under row-level security", () => {
  it("shows a coach only their own org's links, and lets them change none directly (the server revokes)", async () => {
    const theirs = await insertLink(await createPlan({ org_id: OTHER_ORG_ID }), OTHER_ORG_ID, "a".repeat(64));
    const mine = await insertLink(await createPlan({ org_id: DEMO_ORG_ID }), DEMO_ORG_ID, "b".repeat(64));
    const seen = await asUser(demoCoach, (tx) => tx<{ id: string }[]>`select id from plan_share_links`);
    expect(seen.map((row) => row.id)).toEqual([mine]);
    for (const id of [theirs, mine]) {
      await expect(
        asUser(demoCoach, (tx) => tx`update plan_share_links set revoked_at = now() where id = ${id}`),
      ).rejects.toThrow(/permission denied/);
    }
    expect((await asUser(otherCoach, (tx) => tx`select id from plan_share_links`)).map((row) => row.id)).toEqual([
      theirs,
    ]);
  });

  it("never lets a coach rewrite a link's token, plan or expiry", async () => {
    const link = await insertLink(await createPlan({ org_id: DEMO_ORG_ID }), DEMO_ORG_ID, "c".repeat(64));
    await expect(
      asUser(
        demoCoach,
        (tx) => tx`update plan_share_links set expires_at = now() + interval '10 years' where id = ${link}`,
      ),
    ).rejects.toThrow(/permission denied/);
    await expect(
      asUser(demoCoach, (tx) => tx`update plan_share_links set token_hash = ${"d".repeat(64)} where id = ${link}`),
    ).rejects.toThrow(/permission denied/);
  });

  it("refuses a link a coach inserts directly, and a stored token that is not a hash", async () => {
    const theirPlan = await createPlan({ org_id: OTHER_ORG_ID });
    await expect(
      asUser(
        demoCoach,
        (tx) => tx`insert into plan_share_links (plan_id, org_id, token_hash, expires_at)
                   values (${theirPlan}, ${DEMO_ORG_ID}, ${"e".repeat(64)}, now() + interval '1 day')`,
      ),
    ).rejects.toThrow(/permission denied/);
    await expect(insertLink(theirPlan, OTHER_ORG_ID, "plain-token")).rejects.toThrow(/check constraint/);
  });

  it("gives coaches no grant on the day-regeneration columns", async () => {
    const plan = await createPlan({ org_id: DEMO_ORG_ID });
    await expect(
      asUser(demoCoach, (tx) => tx`update meal_plans set day_generation_status = 'complete' where id = ${plan}`),
    ).rejects.toThrow(/permission denied/);
  });
});

import { createHash } from "node:crypto";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import * as start from "@/app/api/nutrition/plans/[planId]/generate/start/route";
import * as planDetail from "@/app/api/nutrition/plans/[planId]/route";
import * as share from "@/app/api/nutrition/plans/[planId]/share/route";
import { settleInlineRuns } from "@/inngest/inline/inline-runner";
import { db } from "@/server/database/index";
import { readSharedPlan } from "@/server/share-links";
import { call, demoCoachToken, otherCoachToken } from "../../support/api-client";
import { createPlan } from "../../support/plan-factory";

let token: string;
let otherToken: string;
beforeAll(async () => {
  token = await demoCoachToken();
  otherToken = await otherCoachToken();
});
beforeEach(() => {
  vi.spyOn(console, "warn").mockImplementation(() => undefined); // the inline runner's one-time notice
});
afterEach(async () => {
  await settleInlineRuns();
  vi.restoreAllMocks();
});

async function generatedPlan(name = "Shared plan"): Promise<string> {
  const planId = await createPlan({ name, plan_length_days: 2, intake_data: { calorie_target: 2100 } });
  expect((await call(start.POST, { token, params: { planId }, body: {} })).status).toBe(202);
  await settleInlineRuns();
  return planId;
}

function tokenOf(url: string): string {
  const match = /\/shared\/([A-Za-z0-9_-]+)$/.exec(new URL(url).pathname);
  if (!match?.[1]) throw new Error(`not a share URL: ${url}`);
  return match[1];
}

describe("POST …/share", () => {
  it("answers a URL with a random token that shows this plan, and stores only the token's hash", async () => {
    const planId = await generatedPlan();
    const response = await call(share.POST, { token, params: { planId }, body: {} });
    expect(response.status).toBe(201);
    const url = response.json.url as string;
    const shareToken = tokenOf(url);
    expect(shareToken).toHaveLength(43);
    expect(url).not.toContain(planId);

    const [stored] = await db()<{ token_hash: string; days: number }[]>`
      select token_hash, extract(day from expires_at - created_at)::int as days from plan_share_links where plan_id = ${planId}`;
    expect(stored?.token_hash).toBe(createHash("sha256").update(shareToken).digest("hex"));
    expect(stored?.days).toBe(30);
    const everything = JSON.stringify(await db()`select * from plan_share_links`);
    expect(everything).not.toContain(shareToken);

    // As JSON, the way the page receives it (so -0 and 0 compare equal).
    const shared = JSON.parse(JSON.stringify(await readSharedPlan(shareToken))) as Record<string, unknown>;
    const detail = (await call(planDetail.GET, { token, params: { planId } })).json;
    expect(shared).toMatchObject({
      title: "Your meal plan",
      plan_length_days: 2,
      days: detail.days,
      targets: detail.targets,
    });
    // The client sees the plan, not the coach's internal name, brief, the client record or the run.
    expect(Object.keys(shared ?? {}).sort()).toEqual([
      "coach_name",
      "days",
      "expires_at",
      "link_id",
      "org_name",
      "plan_length_days",
      "shopping",
      "start_date",
      "targets",
      "title",
    ]);
    expect(JSON.stringify(shared)).not.toContain("Shared plan");
  });

  it("gives each link its own token, each reaching only its own plan", async () => {
    const first = await generatedPlan("First");
    const second = await generatedPlan("Second");
    const a = tokenOf((await call(share.POST, { token, params: { planId: first }, body: {} })).json.url as string);
    const b = tokenOf((await call(share.POST, { token, params: { planId: second }, body: {} })).json.url as string);
    expect(a).not.toBe(b);
    const days = async (planId: string) =>
      JSON.stringify((await call(planDetail.GET, { token, params: { planId } })).json.days);
    expect(JSON.stringify((await readSharedPlan(a))?.days)).toBe(await days(first));
    expect(JSON.stringify((await readSharedPlan(b))?.days)).toBe(await days(second));
  });

  it.each([
    [{ expires_in_days: 0 }],
    [{ expires_in_days: 91 }],
    [{ expires_in_days: "7" }],
    [{ plan_id: "someone else's" }],
  ])("answers 400 for the body %j", async (body) => {
    const planId = await generatedPlan();
    expect((await call(share.POST, { token, params: { planId }, body })).status).toBe(400);
  });

  it("is 404 for another org's plan and 409 for a plan with nothing to show yet", async () => {
    const planId = await generatedPlan();
    expect((await call(share.POST, { token: otherToken, params: { planId }, body: {} })).status).toBe(404);
    const empty = await createPlan();
    const response = await call(share.POST, { token, params: { planId: empty }, body: {} });
    expect(response.status).toBe(409);
    expect(response.json.error).toMatch(/generate it before sharing/);
  });
});

describe("a share link's life", () => {
  it("stops working the moment it is revoked, and a new link can be made after", async () => {
    const planId = await generatedPlan();
    const old = tokenOf((await call(share.POST, { token, params: { planId }, body: {} })).json.url as string);
    expect((await call(share.GET, { token, params: { planId } })).json.links).toHaveLength(1);

    const revoked = await call(share.DELETE, { token, params: { planId }, method: "DELETE" });
    expect(revoked).toMatchObject({ status: 200, json: { revoked: 1 } });
    expect(await readSharedPlan(old)).toBeUndefined();
    expect((await call(share.GET, { token, params: { planId } })).json.links).toEqual([]);

    const fresh = tokenOf((await call(share.POST, { token, params: { planId }, body: {} })).json.url as string);
    expect(await readSharedPlan(fresh)).toBeDefined();
    expect(await readSharedPlan(old)).toBeUndefined();
  });

  it("stops working once expired", async () => {
    const planId = await generatedPlan();
    const shareToken = tokenOf(
      (await call(share.POST, { token, params: { planId }, body: { expires_in_days: 1 } })).json.url as string,
    );
    expect(await readSharedPlan(shareToken)).toBeDefined();
    await db()`update plan_share_links set created_at = now() - interval '2 days', expires_at = now() - interval '1 second'`;
    expect(await readSharedPlan(shareToken)).toBeUndefined();
  });

  it("cannot be revoked by another org, and a malformed or unknown token reaches nothing", async () => {
    const planId = await generatedPlan();
    const shareToken = tokenOf((await call(share.POST, { token, params: { planId }, body: {} })).json.url as string);
    expect((await call(share.DELETE, { token: otherToken, params: { planId }, method: "DELETE" })).status).toBe(404);
    expect(await readSharedPlan(shareToken)).toBeDefined();
    for (const guess of ["", "x", `${shareToken}x`, "A".repeat(43), "../../etc/passwd", "' or 1=1 --"]) {
      expect(await readSharedPlan(guess)).toBeUndefined();
    }
  });
});

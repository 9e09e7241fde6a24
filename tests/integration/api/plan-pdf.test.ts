import { extractText, getDocumentProxy } from "unpdf";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import * as planPdf from "@/app/api/nutrition/plans/[planId]/pdf/route";
import * as planDetail from "@/app/api/nutrition/plans/[planId]/route";
import * as share from "@/app/api/nutrition/plans/[planId]/share/route";
import * as sharedPdf from "@/app/shared/[token]/pdf/route";
import { buildGroceryList } from "@/generation/grocery/grocery-list";
import { servedFoodName } from "@/generation/meals/served-name";
import { settleInlineRuns } from "@/inngest/inline/inline-runner";
import { db } from "@/server/database/index";
import type { PlanDetail } from "@/server/plan-detail";
import { call, demoCoachToken, otherCoachToken } from "../../support/api-client";
import { generatedPlan } from "../../support/generated-plan";
import { addDay, createPlan } from "../../support/plan-factory";
import { DEMO_CLIENT_ID, DEMO_COACH_ID } from "../../support/seed-ids";

/**
 * The plan's PDF, for the coach (signed in, their org's plan) and for the
 * client (through a share link): one request, parsed back as text.
 */

const COACH_NOTE = "Knee surgery in March; keep this between us";
let token: string;
let otherToken: string;
let plan: PlanDetail;

beforeAll(async () => {
  token = await demoCoachToken();
  otherToken = await otherCoachToken();
  const { planId } = await generatedPlan(token, { calorie_target: 2200, notes: COACH_NOTE }, 7);
  await db()`update meal_plans set client_id = ${DEMO_CLIENT_ID}, name = 'Alex internal: knee rehab', client_title = 'Your lean week',
             created_by = ${DEMO_COACH_ID} where id = ${planId}`;
  plan = (await call(planDetail.GET, { token, params: { planId } })).json as unknown as PlanDetail;
});
beforeEach(() => {
  vi.spyOn(console, "warn").mockImplementation(() => undefined); // the inline runner's one-time notice
});
afterEach(async () => {
  await settleInlineRuns();
  vi.restoreAllMocks();
});

type Handler<Params> = (request: Request, context: { params: Promise<Params> }) => Promise<Response>;

async function get<Params>(handler: Handler<Params>, params: Params, bearer?: string): Promise<Response> {
  const headers = new Headers({ "x-forwarded-for": "127.0.0.1" });
  if (bearer) headers.set("authorization", `Bearer ${bearer}`);
  return handler(new Request("http://127.0.0.1/pdf", { headers }), { params: Promise.resolve(params) });
}

async function pdfText(response: Response): Promise<{ pages: number; text: string }> {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/pdf");
  const document = await getDocumentProxy(new Uint8Array(await response.arrayBuffer()));
  const { totalPages, text } = await extractText(document, { mergePages: true });
  return { pages: totalPages, text: text.replace(/\s+/g, " ") };
}

/** What the client may read in it, and what must never be there. */
function expectClientContentOnly({ pages, text }: { pages: number; text: string }) {
  expect(pages).toBeGreaterThanOrEqual(3);
  expect(pages).toBeLessThanOrEqual(6);
  expect(text).toContain("Your lean week");
  // Who it is from, as the shared page says it: the plan's coach and their org.
  expect(text).toContain("From Demo Coach at Demo Coaching");
  expect(text).toContain("Week overview");
  expect(text).toContain("Grocery list");
  for (const day of plan.days) {
    expect(text).toContain(`Day ${day.day_number}`);
    for (const meal of day.meals) {
      if (meal.title) expect(text).toContain(meal.title.slice(0, 12));
    }
  }
  const [firstItem] = plan.days[0]?.meals[0]?.items ?? [];
  // Foods as a person says them, with the state their grams are weighed in; not the catalogue's names.
  expect(text).toContain(servedFoodName({ name: firstItem?.food_name ?? "" }).slice(0, 15));
  expect(text.match(/.{25}, (cooked|raw|dry)\b/)?.[0]).toBeUndefined();
  // The grocery list is the page's list: its names and amounts.
  for (const section of buildGroceryList(plan.days, plan.shopping)) {
    expect(text).toContain(section.label);
    for (const line of section.lines) expect(text).toContain(line.amount);
  }
  // Nothing internal: no coach note, client record, ids or run details.
  expect(text).not.toContain("Knee surgery");
  expect(text).not.toContain("Alex Rivera");
  expect(text).toContain("Your lean week");
  expect(text).not.toContain("Alex internal");
  expect(text).not.toContain(plan.id);
  expect(text).not.toContain(firstItem?.id);
  expect(text).not.toContain(firstItem?.food_id);
  expect(text).not.toMatch(/offline|claude|generat/i);
}

describe("GET /api/nutrition/plans/[planId]/pdf", () => {
  it("answers a 7-day plan as a PDF of at most 6 pages: week overview, days, grocery list, nothing internal", async () => {
    const response = await get(planPdf.GET, { planId: plan.id }, token);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="your-lean-week.pdf"');
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expectClientContentOnly(await pdfText(response));
  });

  it("refuses another org's plan (404), a plan that is not complete (409), a bad id (400) and no sign-in (401)", async () => {
    expect((await get(planPdf.GET, { planId: plan.id }, otherToken)).status).toBe(404);
    // A run that failed after writing one day of seven: half a plan is no handout.
    const unfinished = await createPlan({
      plan_length_days: 7,
      generation_status: "error",
      generation_error: "cut off",
    });
    await addDay(unfinished, 1);
    const refused = await get(planPdf.GET, { planId: unfinished }, token);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: string }).error).toMatch(/not finished yet/);
    expect((await get(planPdf.GET, { planId: "not-a-plan" }, token)).status).toBe(400);
    expect((await get(planPdf.GET, { planId: plan.id })).status).toBe(401);
  });
});

describe("GET /shared/[token]/pdf", () => {
  it("answers the shared plan's PDF to whoever holds the link, with the same client-only content", async () => {
    const created = await call(share.POST, { token, params: { planId: plan.id }, body: {} });
    const shareToken = new URL(created.json.url as string).pathname.split("/").at(-1) ?? "";
    expectClientContentOnly(await pdfText(await get(sharedPdf.GET, { token: shareToken })));

    // A revoked link, an unknown token and a malformed one all answer 404, as the page does.
    expect((await call(share.DELETE, { token, params: { planId: plan.id }, method: "DELETE" })).status).toBe(200);
    expect((await get(sharedPdf.GET, { token: shareToken })).status).toBe(404);
    expect((await get(sharedPdf.GET, { token: "x".repeat(43) })).status).toBe(404);
    expect((await get(sharedPdf.GET, { token: "../etc" })).status).toBe(404);
  });
});

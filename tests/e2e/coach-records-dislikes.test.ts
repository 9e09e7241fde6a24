import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningNext } from "../../scripts/lib/next-server";
import { ARTIFACTS, type BrowserApp, signedInDemoCoachPage, startBrowserApp } from "../support/browser-app";

/**
 * A coach records the foods a client dislikes, in a real browser against the
 * production build with the offline planner: the new-plan form's picker
 * finds them by name, the plan page lists them, and the generated plan holds
 * no food of their families. The two foods are ones the planner had just used
 * in the same plan without dislikes, so leaving them out is seen to change
 * something.
 */

type Food = { id: string; name: string; family: string };
type PlanRead = {
  generation_status: string;
  disliked_foods: Food[];
  days: { meals: { items: { food_id: string; food_name: string }[] }[] }[];
};

let harness: BrowserApp;
let app: RunningNext;
let context: BrowserContext;
const pageErrors: string[] = [];

beforeAll(async () => {
  harness = await startBrowserApp({ outputTokensPerSecond: 2_000, planner: "offline" });
  ({ app, context } = harness);
});

afterAll(async () => {
  await harness?.stop();
});

const signedInPage = (): Promise<Page> => signedInDemoCoachPage(harness, pageErrors);

async function getJson<T>(pathname: string): Promise<T> {
  const response = await context.request.get(`${app.baseUrl}${pathname}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

async function readPlan(id: string): Promise<PlanRead> {
  return getJson<PlanRead>(`/api/nutrition/plans/${id}`);
}

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A plan created and generated through the API, read back once complete. */
async function generatedThroughApi(body: Record<string, unknown>): Promise<PlanRead> {
  // As the app's own page would send them: cookie-signed writes must name the app's origin.
  const headers = { origin: app.baseUrl };
  const created = await context.request.post(`${app.baseUrl}/api/nutrition/plans`, { data: body, headers });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const started = await context.request.post(`${app.baseUrl}/api/nutrition/plans/${id}/generate/start`, {
    data: {},
    headers,
  });
  expect(started.status()).toBe(202);
  await until(async () => (await readPlan(id)).generation_status === "complete", "the plan without dislikes");
  return readPlan(id);
}

const itemsOf = (plan: PlanRead) => plan.days.flatMap((day) => day.meals.flatMap((meal) => meal.items));

/** The foods of the plan's two most used families, one per family: the one used most. */
function twoMostUsedFamilies(plan: PlanRead, byId: ReadonlyMap<string, Food>): Food[] {
  const uses = new Map<string, { count: number; foods: Map<string, number> }>();
  for (const item of itemsOf(plan)) {
    const food = byId.get(item.food_id);
    if (!food) throw new Error(`${item.food_name} is not in the catalogue`);
    const family = uses.get(food.family) ?? { count: 0, foods: new Map() };
    family.count += 1;
    family.foods.set(food.id, (family.foods.get(food.id) ?? 0) + 1);
    uses.set(food.family, family);
  }
  return [...uses.values()]
    .sort((a, b) => b.count - a.count)
    .slice(0, 2)
    .map((family) => {
      const [mostUsed] = [...family.foods.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
      const food = mostUsed ? byId.get(mostUsed) : undefined;
      if (!food) throw new Error("no food in a family the plan used");
      return food;
    });
}

describe("a coach records the foods a client dislikes", () => {
  it("picks two foods in the new-plan form; the plan lists them and no meal holds their families", async () => {
    const page = await signedInPage();
    expect(await page.getByTestId("runtime-banner").textContent()).toMatch(/offline planner/i);

    const { foods: catalogue } = await getJson<{ foods: Food[] }>("/api/nutrition/foods");
    const byId = new Map(catalogue.map((food) => [food.id, food]));
    const brief = { plan_length_days: 4, intake_data: { calorie_target: 2100 } };
    const without = await generatedThroughApi({ name: "Before dislikes", ...brief });
    const [first, second] = twoMostUsedFamilies(without, byId);
    if (!first || !second) throw new Error("the plan without dislikes used fewer than two families");
    const disliked = new Set([first.family, second.family]);
    const extra = catalogue.find((food) => !disliked.has(food.family));
    if (!extra) throw new Error("the catalogue has only the disliked families");

    await page.getByTestId("new-plan").click();
    await page.getByTestId("plan-name").fill("Without my dislikes");
    await page.getByTestId("plan-length").fill(String(brief.plan_length_days));
    await page.getByTestId("plan-calories").fill(String(brief.intake_data.calorie_target));
    const search = page.getByRole("combobox", { name: "Foods the client dislikes" });
    const chosen = page.getByTestId("dislike-chosen").getByRole("listitem");
    const option = (name: string) =>
      page
        .getByRole("listbox", { name: "Matching foods" })
        .getByRole("option")
        .filter({ has: page.locator(".combobox-option-name").getByText(name, { exact: true }) });

    // Foods a ticked allergy leaves out already are listed greyed, with the reason, and cannot be added.
    const fish = page.getByRole("checkbox", { name: "Fish", exact: true });
    await fish.check();
    await search.fill("salmon");
    const salmon = page.getByRole("listbox", { name: "Matching foods" }).getByRole("option");
    expect(await salmon.count()).toBeGreaterThan(0);
    for (const greyed of await salmon.all()) {
      expect(await greyed.getAttribute("aria-disabled")).toBe("true");
      expect(await greyed.textContent()).toContain("Left out already by the diet or allergies");
    }
    await page.screenshot({ path: path.join(ARTIFACTS, "dislikes-picker-greyed.png"), fullPage: true });
    await search.press("Enter");
    await salmon.first().click({ force: true });
    expect(await page.getByTestId("dislike-chosen").count()).toBe(0);
    await fish.uncheck();

    // By keyboard: the whole name, then Enter adds the first match, the food itself.
    await search.fill(first.name.toLowerCase());
    expect(await search.getAttribute("aria-expanded")).toBe("true");
    await search.press("Enter");
    expect(await chosen.allTextContents()).toEqual([expect.stringContaining(first.name)]);
    expect(await search.inputValue()).toBe("");

    // By pointer: the name, then the option. First a look at the list for the name's first word.
    await search.fill(second.name.split(/[ ,]/)[0] ?? second.name);
    await page.getByRole("listbox", { name: "Matching foods" }).waitFor({ state: "visible" });
    await page.screenshot({ path: path.join(ARTIFACTS, "dislikes-picker-open.png"), fullPage: true });
    await search.fill(second.name);
    await option(second.name).click();

    // A third one, then removed with its button.
    await search.fill(extra.name);
    await search.press("Enter");
    expect(await chosen.count()).toBe(3);
    await page.getByRole("button", { name: `Remove ${extra.name}` }).click();
    expect(await chosen.allTextContents()).toEqual([
      expect.stringContaining(first.name),
      expect.stringContaining(second.name),
    ]);
    expect(await page.getByText("2 of 50 chosen").isVisible()).toBe(true);

    await page.getByTestId("submit-plan").click();
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    const planId = page.url().split("/").at(-1) ?? "";
    const listed = page.getByTestId("plan-dislikes");
    await listed.waitFor({ state: "visible" });
    expect((await listed.getByRole("listitem").allTextContents()).sort()).toEqual([first.name, second.name].sort());
    expect(await listed.textContent()).toContain([...disliked].sort().join(", "));

    await page.getByTestId("generate").click();
    await page
      .getByTestId("day-card")
      .nth(brief.plan_length_days - 1)
      .waitFor({ state: "visible", timeout: 60_000 });
    await page.screenshot({ path: path.join(ARTIFACTS, "plan-without-dislikes.png"), fullPage: true });

    const plan = await readPlan(planId);
    expect(plan.generation_status).toBe("complete");
    expect(new Set(plan.disliked_foods.map((food) => food.id))).toEqual(new Set([first.id, second.id]));
    const items = itemsOf(plan);
    expect(items.length).toBeGreaterThan(0);
    expect(items.filter((item) => disliked.has(byId.get(item.food_id)?.family ?? ""))).toEqual([]);
    const dislikedNames = new Set(catalogue.filter((food) => disliked.has(food.family)).map((food) => food.name));
    const shownFoods = await page.locator(".day-card .food-name").allTextContents();
    expect(shownFoods.length).toBe(items.length);
    expect(shownFoods.filter((name) => dislikedNames.has(name.trim()))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

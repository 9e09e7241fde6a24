import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser";
import {
  ARTIFACTS,
  expectNoSidewaysScroll,
  signedInDemoCoachPage,
  until,
  withBrowserApp,
} from "../support/browser-app";
import { addDay, createPlan } from "../support/plan-factory";
import { DEMO_CLIENT_ID, DEMO_COACH_ID } from "../support/seed-ids";

/**
 * Reading a plan and the client's copy, in a real browser against the
 * production build: a 28-day plan read a week at a time (tabs by mouse and
 * keyboard, the week in the address, links to each day), each day labelled
 * with its weekday and date; the coach setting the client's title and start
 * date, and the client's page showing them with the coach's and org's names
 * and nothing internal; the energy calculator filling the new-plan form.
 * Every page keeps to a 390 px phone's width. Plans are written straight to
 * the database (tests/support/plan-factory.ts): no generation is needed.
 */

const harness = withBrowserApp({ outputTokensPerSecond: 2_000, planner: "offline" });
const pageErrors: string[] = [];

/** A complete plan of `days` days (one breakfast item each), written to the database. */
async function completedPlan(days: number, overrides: Parameters<typeof createPlan>[0] = {}): Promise<string> {
  const planId = await createPlan({ plan_length_days: days, generation_status: "complete", ...overrides });
  for (let day = 1; day <= days; day += 1) await addDay(planId, day);
  return planId;
}

/** The headings of the day cards the reader can see (the open week's). */
const visibleDays = (page: Page) =>
  page.locator('[data-testid="week-panel"]:not([hidden]) [data-testid="day-card"] h3').allTextContents();
const selectedTab = (page: Page) => page.locator('[role="tab"][aria-selected="true"]').textContent();

describe("a 28-day plan", () => {
  it("reads a week at a time, each day with its weekday and date, by mouse, keyboard and address", async () => {
    const page = await signedInDemoCoachPage(harness, pageErrors);
    await page.setViewportSize({ width: 390, height: 844 });
    const planId = await completedPlan(28, { name: "Four weeks", start_date: "2026-12-07" });
    await page.goto(`${harness.app.baseUrl}/plans/${planId}`);
    await page.getByRole("tablist", { name: "Weeks of the plan" }).waitFor({ state: "visible" });

    expect(await page.getByRole("tab").allTextContents()).toEqual([
      "Week 1 · 7-13 Dec",
      "Week 2 · 14-20 Dec",
      "Week 3 · 21-27 Dec",
      "Week 4 · 28 Dec-3 Jan",
    ]);
    expect(await selectedTab(page)).toBe("Week 1 · 7-13 Dec");
    const firstWeek = await visibleDays(page);
    expect(firstWeek).toHaveLength(7);
    expect(firstWeek[0]).toBe("Day 1 · Monday 7 December");
    expect(firstWeek[2]).toBe("Day 3 · Wednesday 9 December");
    await expectNoSidewaysScroll(page, "28-day plan page");

    // Keyboard: arrows move between weeks (focus follows), End goes to the last; the address keeps the week.
    await page.getByRole("tab", { name: "Week 1 · 7-13 Dec" }).focus();
    await page.keyboard.press("ArrowRight");
    expect(await selectedTab(page)).toBe("Week 2 · 14-20 Dec");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Week 2 · 14-20 Dec");
    expect((await visibleDays(page))[0]).toBe("Day 8 · Monday 14 December");
    expect(new URL(page.url()).searchParams.get("week")).toBe("2");
    await page.keyboard.press("End");
    expect((await visibleDays(page)).at(-1)).toBe("Day 28 · Sunday 3 January");
    await page.keyboard.press("ArrowRight");
    expect(await selectedTab(page)).toBe("Week 1 · 7-13 Dec");

    // Mouse: a tab, then a link to one of its days, then the next week from its foot.
    await page.getByRole("tab", { name: "Week 4 · 28 Dec-3 Jan" }).click();
    await page
      .getByRole("navigation", { name: "Days of week 4" })
      .getByRole("link", { name: "Day 24 · Wed 30 Dec" })
      .click();
    expect(new URL(page.url()).hash).toBe("#day-24");
    await page.getByRole("button", { name: "← Week 3" }).click();
    expect((await visibleDays(page))[0]).toBe("Day 15 · Monday 21 December");

    // The address opens a week, or the week of a day.
    await page.goto(`${harness.app.baseUrl}/plans/${planId}?week=3`);
    await until(async () => (await selectedTab(page)) === "Week 3 · 21-27 Dec", "week 3 from the address");
    await page.goto(`${harness.app.baseUrl}/plans/${planId}#day-9`);
    await until(async () => (await selectedTab(page)) === "Week 2 · 14-20 Dec", "day 9's week from the address");
    await page.screenshot({ path: path.join(ARTIFACTS, "phone-28-day-plan-week-2.png"), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});

describe("the client's copy", () => {
  it("has the title and start date the coach set, the coach's and org's names, and nothing internal", async () => {
    const page = await signedInDemoCoachPage(harness, pageErrors);
    const internalName = "Alex R - cut block 3 (internal)";
    const planId = await completedPlan(2, {
      name: internalName,
      client_id: DEMO_CLIENT_ID,
      created_by: DEMO_COACH_ID,
      intake_data: { calorie_target: 2000, notes: "Private: knee surgery in March" },
    });
    await page.goto(`${harness.app.baseUrl}/plans/${planId}`);
    const panel = page.getByTestId("client-copy");
    await panel.waitFor({ state: "visible" });
    expect(await panel.getByTestId("client-copy-title").textContent()).toBe("Meal plan for Alex");
    expect(await page.getByTestId("day-card").locator("h3").first().textContent()).toBe("Day 1");

    await panel.getByTestId("client-title").fill("Your winter plan");
    await panel.getByTestId("start-date").fill("2026-12-07");
    await panel.getByTestId("client-copy-save").click();
    await until(
      async () =>
        (await page.getByTestId("day-card").locator("h3").first().textContent()) === "Day 1 · Monday 7 December",
      "the days to carry their dates",
    );
    expect(await page.getByTestId("client-copy-title").textContent()).toBe("Your winter plan");
    // A refused value is said in the form's words.
    await page.getByTestId("client-title").fill("t".repeat(120));
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('[data-testid="client-title"]');
      input?.removeAttribute("maxlength");
    });
    await page.getByTestId("client-title").fill("t".repeat(121));
    await page.getByTestId("client-copy-save").click();
    await page.locator("#client-title-error").waitFor({ state: "visible" });
    expect(await page.locator("#client-title-error").textContent()).toMatch(
      /^⚠?\s*Title for the client must be at most 120/,
    );

    const shared = await harness.context.request.post(`${harness.app.baseUrl}/api/nutrition/plans/${planId}/share`, {
      data: {},
      headers: { origin: harness.app.baseUrl },
    });
    const { url } = (await shared.json()) as { url: string };
    const client = await launchBrowser();
    try {
      const clientPage = await client.context.newPage();
      clientPage.on("pageerror", (error) => pageErrors.push(error.message));
      await clientPage.setViewportSize({ width: 390, height: 844 });
      await clientPage.goto(url);
      await clientPage.getByTestId("shared-plan").waitFor({ state: "visible" });
      expect(await clientPage.getByTestId("shared-title").textContent()).toBe("Your winter plan");
      expect(await clientPage.getByTestId("shared-from").textContent()).toBe("From Demo Coach at Demo Coaching");
      expect(await clientPage.locator('[data-testid="day-card"] h3').allTextContents()).toEqual([
        "Day 1 · Monday 7 December",
        "Day 2 · Tuesday 8 December",
      ]);
      // Each meal's protein, carbs and fat and the day's fibre, as the coach sees them.
      expect(await clientPage.getByTestId("meal-totals").first().textContent()).toMatch(/P .* · C .* · F /);
      expect(await clientPage.getByTestId("day-card").first().textContent()).toContain("Fibre");
      const html = await clientPage.content();
      for (const internal of [internalName, "knee surgery", planId, DEMO_CLIENT_ID, "Rivera"]) {
        expect(html).not.toContain(internal);
      }
      expect(await clientPage.title()).not.toContain(internalName);
      expect(await clientPage.getByTestId("runtime-banner").count()).toBe(0);
      await expectNoSidewaysScroll(clientPage, "shared page with its title and names");
      await clientPage.screenshot({ path: path.join(ARTIFACTS, "phone-shared-plan-client-title.png"), fullPage: true });
    } finally {
      await client.close();
    }
    expect(pageErrors).toEqual([]);
  });
});

describe("the new-plan form's energy calculator", () => {
  it("suggests calories and protein from the client's figures and fills the form on click", async () => {
    const page = await signedInDemoCoachPage(harness, pageErrors);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${harness.app.baseUrl}/plans/new`);
    const calculator = page.getByTestId("energy-calculator");
    await calculator.locator("summary").click();
    await page.getByTestId("energy-weight").fill("80");
    await page.getByTestId("energy-height").fill("180");
    await page.getByTestId("energy-age").fill("30");
    await page.selectOption("#energy-sex", "male");
    // On a phone each select shows its whole choice; what an activity level means is said below it.
    for (const [select, values] of [
      ["#energy-activity", ["sedentary", "light", "moderate", "very", "extra"]],
      ["#energy-goal", ["lose", "maintain", "gain"]],
    ] as const) {
      for (const value of values) {
        await page.selectOption(select, value);
        expect(await chosenTextFits(page, select), `${select} ${value}`).toBe(true);
      }
    }
    await page.selectOption("#energy-activity", "moderate");
    expect(await page.getByTestId("energy-activity-detail").textContent()).toBe("exercise 3-5 days a week");
    await page.selectOption("#energy-goal", "lose");
    // 10 × 80 + 6.25 × 180 − 5 × 30 + 5 = 1,780; × 1.55 = 2,759; − 15 % = 2,345 → 2,350 kcal; 80 kg × 1.6 = 128 g.
    expect(await page.getByTestId("energy-result").textContent()).toMatch(
      /About 2,350 kcal a day .* 128 g protein \(22 %/,
    );
    await expectNoSidewaysScroll(page, "new-plan form, calculator open");

    await page.getByTestId("energy-use").click();
    expect(await page.getByTestId("plan-calories").inputValue()).toBe("2350");
    expect(await page.locator("#plan-macro-protein").inputValue()).toBe("22");
    const split = await Promise.all(
      ["protein", "carb", "fat"].map((macro) => page.locator(`#plan-macro-${macro}`).inputValue()),
    );
    expect(split.map(Number).reduce((sum, value) => sum + value, 0)).toBe(100);

    // The plan is created with what the calculator put in the form.
    await page.getByTestId("plan-name").fill("Calculated cut");
    await page.getByTestId("plan-start-date").fill("2027-01-04");
    await page.getByTestId("submit-plan").click();
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    const planId = page.url().split("/").at(-1);
    const read = await harness.context.request.get(`${harness.app.baseUrl}/api/nutrition/plans/${planId}`);
    const plan = (await read.json()) as {
      start_date: string;
      targets: { kcal: number; macro_split: { protein_pct: number } };
    };
    expect(plan.start_date).toBe("2027-01-04");
    expect(plan.targets.kcal).toBe(2350);
    expect(plan.targets.macro_split.protein_pct).toBe(22);
    expect(pageErrors).toEqual([]);
  });
});

/** Whether a select's chosen option fits its closed box (its text, in its font, within its width less the arrow). */
function chosenTextFits(page: Page, selector: string): Promise<boolean> {
  return page.$eval(selector, (element) => {
    const select = element as HTMLSelectElement;
    const style = getComputedStyle(select);
    const context = document.createElement("canvas").getContext("2d");
    if (!context) return false;
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const arrow = 20;
    const room =
      select.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight) - arrow;
    return context.measureText(select.selectedOptions[0]?.text ?? "").width <= room;
  });
}

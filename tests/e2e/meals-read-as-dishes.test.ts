import path from "node:path";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningNext } from "../../scripts/lib/next-server";
import { launchBrowser } from "../support/browser";
import { ARTIFACTS, type BrowserApp, signedInDemoCoachPage, startBrowserApp } from "../support/browser-app";

/**
 * Meals a client can read, in a real browser against the production build:
 * a coach sets the week's foods and leftovers on the new-plan form,
 * generates the plan, and every meal on the day cards reads as a dish (a
 * title and a line of preparation above its foods), on the coach's page and
 * on the page the client opens from a share link. Claude is the fake
 * Messages API on loopback.
 */

let harness: BrowserApp;
let app: RunningNext;
let context: BrowserContext;
const pageErrors: string[] = [];

beforeAll(async () => {
  harness = await startBrowserApp({ outputTokensPerSecond: 2_000 });
  ({ app, context } = harness);
});

afterAll(async () => {
  await harness?.stop();
});

/** Every meal of the card has a title and a preparation, in that order, before its foods. */
async function expectMealsReadAsDishes(card: Locator): Promise<void> {
  const meals = card.locator("section.meal");
  const count = await meals.count();
  expect(count).toBeGreaterThanOrEqual(3);
  for (let index = 0; index < count; index += 1) {
    const meal = meals.nth(index);
    expect(((await meal.getByTestId("meal-title").textContent()) ?? "").trim()).toMatch(/\p{L}{2}/u);
    expect(((await meal.getByTestId("meal-preparation").textContent()) ?? "").trim()).toMatch(/\p{L}{2}.*\.$/u);
    // The slot the meal fills is still named above the dish.
    expect(await meal.locator(".meal-slot").textContent()).toMatch(/breakfast|lunch|dinner|snack/i);
  }
}

describe("meals on the day cards", () => {
  it("read as dishes on the coach's page and the client's shared page, for a plan made with the form's new fields", async () => {
    const page: Page = await signedInDemoCoachPage(harness, pageErrors);
    await page.goto(`${app.baseUrl}/plans`);
    await page.getByTestId("new-plan").click();
    await page.getByTestId("plan-name").fill("Dishes week");
    await page.getByTestId("plan-length").fill("2");
    await page.getByTestId("plan-foods-per-week").fill("25");
    await page.getByTestId("plan-leftovers").check();
    await page.getByTestId("submit-plan").click();
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    const planId = page.url().split("/").pop() as string;
    const stored = await context.request.get(`${app.baseUrl}/api/nutrition/plans/${planId}`);
    expect(((await stored.json()) as { intake_data: unknown }).intake_data).toMatchObject({
      foods_per_week: 25,
      leftovers: true,
    });

    await page.getByTestId("generate").click();
    const cards = page.getByTestId("day-card");
    await cards.nth(1).waitFor({ state: "visible", timeout: 60_000 });
    for (const index of [0, 1]) await expectMealsReadAsDishes(cards.nth(index));
    await page.screenshot({ path: path.join(ARTIFACTS, "meals-as-dishes.png"), fullPage: true });

    await page.getByTestId("share-create").click();
    const urlField = page.getByTestId("share-url");
    await urlField.waitFor({ state: "visible" });
    const url = await urlField.inputValue();
    const client = await launchBrowser();
    try {
      const clientPage = await client.context.newPage();
      clientPage.on("pageerror", (error) => pageErrors.push(error.message));
      expect((await clientPage.goto(url))?.status()).toBe(200);
      await clientPage.getByTestId("shared-plan").waitFor({ state: "visible" });
      const shared = clientPage.getByTestId("day-card");
      expect(await shared.count()).toBe(2);
      for (const index of [0, 1]) await expectMealsReadAsDishes(shared.nth(index));
      // The client reads the same dishes the coach does.
      expect(await shared.first().getByTestId("meal-title").allTextContents()).toEqual(
        await cards.first().getByTestId("meal-title").allTextContents(),
      );
    } finally {
      await client.close();
    }
    expect(pageErrors).toEqual([]);
  });
});

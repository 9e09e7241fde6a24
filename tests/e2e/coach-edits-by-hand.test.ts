import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser";
import {
  ARTIFACTS,
  expectNoSidewaysScroll,
  openGeneratedPlan,
  signedInDemoCoachPage,
  until,
  withBrowserApp,
} from "../support/browser-app";

/**
 * A coach fixing a day by hand in a real browser against the production
 * build (set grams, lock, rebalance, undo, remove, move, add a food), each
 * day re-totalled from the server's answer; and every page a coach or
 * client opens keeps to a 390 px phone's width, an item's edits open
 * included, the client's page without the runtime banner. The offline
 * planner generates the plans.
 */

const harness = withBrowserApp({ outputTokensPerSecond: 2_000, planner: "offline" });
const pageErrors: string[] = [];

const headers = () => ({ origin: harness.app.baseUrl });

/** No edit in flight: the day's buttons are enabled again. */
const settled = (card: Locator) =>
  until(async () => !(await card.getByTestId("rebalance-day").isDisabled()), "the edit to settle");

const kcalShown = async (card: Locator) => (await card.locator(".day-card-kcal strong").textContent()) ?? "";
const itemCount = (card: Locator) => card.locator("th.food-name").count();
const undoLabel = async (card: Locator) =>
  (await card.getByTestId("undo-edit").count()) === 0 ? null : await card.getByTestId("undo-edit").textContent();

/** The day's totals as the plan reads now, in the card's words ("2,104 kcal"). */
async function freshKcal(planId: string): Promise<string> {
  const read = await harness.context.request.get(`${harness.app.baseUrl}/api/nutrition/plans/${planId}`);
  const { days } = (await read.json()) as { days: { totals: { kcal: number } }[] };
  return `${Math.round(Number(days[0]?.totals.kcal)).toLocaleString("en-GB")} kcal`;
}

/** A plan generated through the API (offline planner), opened once its days show. */
const openPlan = (page: Page, name: string, days: number) =>
  openGeneratedPlan(harness, page, { name, plan_length_days: days, intake_data: { calorie_target: 2100 } });

describe("a coach's day, fixed by hand", () => {
  it("sets grams, locks, rebalances, undoes, removes, moves and adds, the day re-totalled each time", async () => {
    const page = await signedInDemoCoachPage(harness, pageErrors);
    const planId = await openPlan(page, "Hand-edited week", 1);
    const card = page.getByTestId("day-card").first();
    const firstRow = card.getByTestId("plan-item").first();

    // Grams: the row and the day's totals change at once, and equal a fresh read.
    const kcalBefore = await kcalShown(card);
    await firstRow.getByTestId("swap-item").click();
    const panel = card.getByTestId("item-edit");
    await panel.getByTestId("item-grams").fill("33");
    await panel.getByTestId("set-grams").click();
    await until(async () => (await firstRow.locator("td").first().textContent()) === "33 g", "the grams");
    expect(await kcalShown(card)).not.toBe(kcalBefore);
    expect(await kcalShown(card)).toBe(await freshKcal(planId));
    expect(await undoLabel(card)).toBe("Undo grams");

    // Lock it, then rebalance the rest of the day: the locked item keeps its 33 g.
    await firstRow.getByTestId("swap-item").click();
    await card.getByTestId("lock-item").click();
    await until(async () => (await firstRow.getAttribute("data-locked")) === "true", "the lock");
    await card.getByTestId("rebalance-day").click();
    await until(async () => (await undoLabel(card)) === "Undo rebalance", "the rebalance");
    expect(await firstRow.locator("td").first().textContent()).toBe("33 g");
    expect(await kcalShown(card)).toBe(await freshKcal(planId));

    // Undo twice: the rebalance, then the lock.
    await card.getByTestId("undo-edit").click();
    await until(async () => (await undoLabel(card)) === "Undo lock", "the first undo");
    await card.getByTestId("undo-edit").click();
    await until(async () => (await undoLabel(card)) === "Undo grams", "the second undo");
    expect(await firstRow.getAttribute("data-locked")).toBeNull();
    await firstRow.getByTestId("swap-item").click();
    await until(async () => (await card.getByTestId("item-edit").count()) === 0, "the edits to close");

    // Remove an item of a meal that has more than one.
    const items = await itemCount(card);
    const meals = card.locator("section.meal");
    let withTwo = 0;
    while ((await meals.nth(withTwo).locator("th.food-name").count()) < 2) withTwo += 1;
    await meals.nth(withTwo).getByTestId("swap-item").first().click();
    await meals.nth(withTwo).getByTestId("remove-item").click();
    await until(async () => (await itemCount(card)) === items - 1, "the removal");
    expect(await kcalShown(card)).toBe(await freshKcal(planId));

    // Move an item of a meal with two or more to another meal it suits; refusals (a meal it does not
    // suit) show beside it, and the next item or meal is tried.
    let moved = "";
    let from = 0;
    search: for (from = 0; from < (await meals.count()); from++) {
      const names = meals.nth(from).locator("th.food-name");
      for (let item = 0; item < (await names.count()) && (await names.count()) >= 2; item++) {
        moved = (await names.nth(item).textContent()) ?? "";
        await meals.nth(from).getByTestId("swap-item").nth(item).click();
        const options = await card.getByTestId("move-item").locator("option").count();
        for (let option = 1; option < options; option++) {
          const value = await card.getByTestId("move-item").locator("option").nth(option).getAttribute("value");
          await card.getByTestId("move-item").selectOption(value ?? "");
          await until(
            async () => (await undoLabel(card)) === "Undo move" || (await card.getByTestId("edit-error").count()) > 0,
            "the move's answer",
          );
          await settled(card);
          if ((await undoLabel(card)) === "Undo move") break search;
        }
        // Close this item's edits before trying the next one.
        await meals.nth(from).getByTestId("swap-item").nth(item).click();
        await until(async () => (await card.getByTestId("item-edit").count()) === 0, "the edits to close");
      }
    }
    expect(await undoLabel(card)).toBe("Undo move");
    expect(await meals.nth(from).locator("th.food-name").allTextContents()).not.toContain(moved);

    // Add a food to the first meal: word-start search; the server refuses one the meal does not suit.
    const before = await itemCount(card);
    await meals.first().getByTestId("add-food").click();
    await card.getByTestId("add-food-search").fill("o");
    const choices = card.getByTestId("add-food-choice");
    await choices.first().waitFor({ state: "visible" });
    for (let choice = 0; choice < (await choices.count()) && (await itemCount(card)) === before; choice++) {
      await choices.nth(choice).click();
      await until(
        async () => (await itemCount(card)) > before || (await card.getByTestId("add-food-error").count()) > 0,
        "the add's answer",
      );
      await settled(card);
    }
    expect(await itemCount(card)).toBe(before + 1);
    expect(await undoLabel(card)).toBe("Undo add");
    expect(await kcalShown(card)).toBe(await freshKcal(planId));
    await page.screenshot({ path: path.join(ARTIFACTS, "hand-edited-day.png"), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});

describe("a coach's day, regenerated around what the coach keeps", () => {
  it("regenerates one meal, the rest kept; a locked food survives regenerating the whole day", async () => {
    const page = await signedInDemoCoachPage(harness, pageErrors);
    await openPlan(page, "Kept foods week", 1);
    const card = page.getByTestId("day-card").first();
    const meals = card.locator("section.meal");
    const foods = (meal: Locator) => meal.locator("th.food-name").allTextContents();
    const mealCount = await meals.count();

    // Lock the breakfast's first food.
    const breakfastRow = meals.first().getByTestId("plan-item").first();
    await breakfastRow.getByTestId("swap-item").click();
    await card.getByTestId("lock-item").click();
    await until(async () => (await breakfastRow.getAttribute("data-locked")) === "true", "the lock");
    await breakfastRow.getByTestId("swap-item").click();
    const locked = {
      name: await breakfastRow.locator("th").textContent(),
      grams: await breakfastRow.locator("td").first().textContent(),
    };

    // Regenerate the lunch: progress by the meal, every button waits, then a new lunch and the rest as it was.
    const lunch = meals.nth(1);
    const lunchBefore = await foods(lunch);
    const othersBefore = await Promise.all(
      [0, ...Array.from({ length: mealCount - 2 }, (_, i) => i + 2)].map((m) => foods(meals.nth(m))),
    );
    await lunch.getByTestId("regenerate-meal").click();
    await until(async () => (await undoLabel(card)) === "Undo meal regeneration", "the new lunch", 60_000);
    expect(await foods(lunch)).not.toEqual(lunchBefore);
    const othersAfter = await Promise.all(
      [0, ...Array.from({ length: mealCount - 2 }, (_, i) => i + 2)].map((m) => foods(meals.nth(m))),
    );
    expect(othersAfter).toEqual(othersBefore);
    await until(async () => !(await lunch.getByTestId("regenerate-meal").isDisabled()), "the buttons to free");
    expect(await kcalShown(card)).toBe(await freshKcal(page.url().split("/").pop() ?? ""));

    // Regenerate the whole day: the locked food keeps its place, grams and lock.
    const dayBefore = await card.locator("th.food-name").allTextContents();
    await card.getByTestId("regenerate-day").click();
    await until(
      async () => (await card.locator("th.food-name").allTextContents()).join() !== dayBefore.join(),
      "the new day",
      60_000,
    );
    const lockedRow = card.locator('[data-testid="plan-item"][data-locked="true"]');
    await until(async () => (await lockedRow.count()) === 1, "the locked food in the new day");
    expect({
      name: await lockedRow.locator("th").textContent(),
      grams: await lockedRow.locator("td").first().textContent(),
    }).toEqual(locked);
    await page.screenshot({ path: path.join(ARTIFACTS, "regenerated-around-a-lock.png"), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});

describe("a 390 px phone", () => {
  it("never scrolls sideways: plan list, form, plan page with an item's edits open, and the client's page", async () => {
    const page = await signedInDemoCoachPage(harness, pageErrors);
    await page.setViewportSize({ width: 390, height: 844 });
    const planId = await openPlan(page, "A phone's week with a rather long plan name for a small screen", 2);
    await page.getByTestId("day-card").first().getByTestId("swap-item").first().click();
    await until(
      async () =>
        (await page.getByTestId("swap-choice").count()) > 0 ||
        /No other food fits/.test((await page.getByTestId("item-edit").textContent()) ?? ""),
      "the alternatives",
    );
    await page.getByTestId("day-card").first().getByTestId("add-food").first().click();
    await expectNoSidewaysScroll(page, "plan page, edits open");
    await page.screenshot({ path: path.join(ARTIFACTS, "phone-plan-edits-open.png"), fullPage: true });

    await page.goto(`${harness.app.baseUrl}/plans`);
    await page.getByRole("heading", { level: 1 }).waitFor({ state: "visible" });
    await expectNoSidewaysScroll(page, "plan list");
    await page.goto(`${harness.app.baseUrl}/plans/new`);
    await page.getByTestId("plan-form").waitFor({ state: "visible" });
    await expectNoSidewaysScroll(page, "new-plan form");
    await page.getByTestId("plan-form").locator('button[type="submit"]').first().click();
    await expectNoSidewaysScroll(page, "new-plan form with its errors");

    const shared = await harness.context.request.post(`${harness.app.baseUrl}/api/nutrition/plans/${planId}/share`, {
      data: {},
      headers: headers(),
    });
    const { url } = (await shared.json()) as { url: string };
    const client = await launchBrowser();
    try {
      const clientPage = await client.context.newPage();
      clientPage.on("pageerror", (error) => pageErrors.push(error.message));
      await clientPage.setViewportSize({ width: 390, height: 844 });
      await clientPage.goto(url);
      await clientPage.getByTestId("shared-plan").waitFor({ state: "visible" });
      await expectNoSidewaysScroll(clientPage, "shared page");
      // The client sees nothing of how the app runs.
      expect(await clientPage.getByTestId("runtime-banner").count()).toBe(0);
      expect(await clientPage.textContent("body")).not.toMatch(/inline runner|offline planner/i);
      await clientPage.screenshot({ path: path.join(ARTIFACTS, "phone-shared-plan.png"), fullPage: true });
    } finally {
      await client.close();
    }
    expect(pageErrors).toEqual([]);
  });
});

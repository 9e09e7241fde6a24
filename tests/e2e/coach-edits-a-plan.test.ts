import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { LONGEST_POLL_DELAY_MS } from "@/ui/generation/poll-backoff";
import { launchBrowser } from "../support/browser";
import {
  ARTIFACTS,
  openGeneratedPlan,
  signedInDemoCoachPage,
  until as waitUntil,
  withBrowserApp,
} from "../support/browser-app";
import { planFromPrompt } from "../support/fake-anthropic";

/**
 * What a coach does after the first draft, in a real browser against the
 * production build: swap a food, regenerate one day, share the plan with the
 * client (who opens it signed out, until the link is revoked), cancel a
 * run, and follow a day's regeneration beside a whole run with one status
 * poll. Claude is the fake Messages API on loopback.
 */

const harness = withBrowserApp({ outputTokensPerSecond: 2_000 });
const pageErrors: string[] = [];

const signedInPage = (): Promise<Page> => signedInDemoCoachPage(harness, pageErrors);

const foodNames = async (card: Locator) => (await card.locator("th.food-name").allTextContents()).sort().join("|");

/** A plan generated through the API (offline planner), opened once its days show. */
const openPlan = (page: Page, name: string, days: number) =>
  openGeneratedPlan(harness, page, { name, plan_length_days: days, intake_data: { calorie_target: 2100 } });

/** These waits include generation's: longer than the shared default. */
const until = (condition: () => Promise<boolean>, what: string, timeoutMs = 30_000) =>
  waitUntil(condition, what, timeoutMs);

describe("a coach editing a finished plan in the browser", () => {
  it("swaps a food: the day, its totals, the charts and the grocery list show the new food", async () => {
    const page = await signedInPage();
    const planId = await openPlan(page, "Swap week", 2);
    const dayOne = page.getByTestId("day-card").first();
    // The name on screen: the cell also holds the client's name for paper, hidden on screen.
    const onScreen = () =>
      // biome-ignore lint/performance/useDomNodeTextContent: textContent would read the hidden paper name too.
      dayOne.locator("th.food-name").first().innerText();
    const replaced = await onScreen();

    await dayOne.getByTestId("swap-item").first().click();
    const choice = page.getByTestId("swap-choice").first();
    await choice.waitFor({ state: "visible" });
    const chosen = (await choice.textContent()) ?? "";
    expect(chosen).not.toBe(replaced);
    await choice.click();

    await until(async () => (await onScreen()) === chosen, "the swap");
    // The grocery list buys the new food under the name it is sold by (the catalogue's buy_as).
    const read = await harness.context.request.get(`${harness.app.baseUrl}/api/nutrition/plans/${planId}`);
    const plan = (await read.json()) as {
      days: { meals: { items: { food_id: string; food_name: string }[] }[] }[];
      shopping: Record<string, { buy_as: string }>;
    };
    const swappedIn = plan.days[0]?.meals.flatMap((meal) => meal.items).find((item) => item.food_name === chosen);
    const buyAs = plan.shopping[swappedIn?.food_id ?? ""]?.buy_as ?? "(unknown)";
    await until(
      async () => ((await page.getByTestId("grocery-list").textContent()) ?? "").includes(buyAs),
      "groceries",
    );
    expect(await dayOne.textContent()).toMatch(/kcal/);
    await page.screenshot({ path: path.join(ARTIFACTS, "after-swap.png"), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it("regenerates one day and leaves the others as they were", async () => {
    const page = await signedInPage();
    await openPlan(page, "Regenerate week", 3);
    const cards = page.getByTestId("day-card");
    const [before1, before2, before3] = await Promise.all([0, 1, 2].map((index) => foodNames(cards.nth(index))));

    await cards.nth(1).getByTestId("regenerate-day").click();
    await until(async () => (await foodNames(cards.nth(1))) !== before2, "day 2 to change", 60_000);
    expect(await foodNames(cards.nth(0))).toBe(before1);
    expect(await foodNames(cards.nth(2))).toBe(before3);
    await until(async () => !(await cards.nth(1).getByTestId("regenerate-day").isDisabled()), "the buttons to free");
    expect(pageErrors).toEqual([]);
  });

  it("shares the plan: the client opens it signed out, until the coach revokes the link", async () => {
    const page = await signedInPage();
    await openPlan(page, "Shared week", 2);
    await page.getByTestId("share-create").click();
    const urlField = page.getByTestId("share-url");
    await urlField.waitFor({ state: "visible" });
    const url = await urlField.inputValue();
    expect(url).toMatch(/\/shared\/[A-Za-z0-9_-]{43}$/);

    const client = await launchBrowser();
    try {
      const clientPage = await client.context.newPage();
      clientPage.on("pageerror", (error) => pageErrors.push(error.message));
      const opened = await clientPage.goto(url);
      expect(opened?.status()).toBe(200);
      await clientPage.getByTestId("shared-plan").waitFor({ state: "visible" });
      // The client's title, never the coach's internal plan name ("Shared week"): no client, no title set.
      expect(await clientPage.getByRole("heading", { level: 1 }).textContent()).toBe("Your meal plan");
      expect(await clientPage.getByTestId("day-card").count()).toBe(2);
      await clientPage.getByTestId("grocery-list").waitFor({ state: "visible" });
      // Read-only: none of the coach's controls.
      expect(await clientPage.getByTestId("swap-item").count()).toBe(0);
      expect(await clientPage.getByTestId("regenerate-day").count()).toBe(0);
      await clientPage.screenshot({ path: path.join(ARTIFACTS, "shared-plan.png"), fullPage: true });

      await page.getByTestId("share-revoke").click();
      await until(async () => /revoked/.test((await page.getByTestId("share-message").textContent()) ?? ""), "revoke");
      const gone = await clientPage.goto(url);
      expect(gone?.status()).toBe(404);
      expect(await clientPage.getByTestId("share-link-gone").textContent()).toMatch(/no longer works/);
    } finally {
      await client.close();
    }
    expect(pageErrors).toEqual([]);
  });

  it("cancels a run: the plan keeps its previous days and says the run was cancelled", async () => {
    const page = await signedInPage();
    await openPlan(page, "Cancel week", 2);
    const before = await foodNames(page.getByTestId("day-card").first());

    harness.fake.enqueue({ hang: true });
    await page.getByTestId("generate").click();
    await page.getByTestId("cancel-generation").waitFor({ state: "visible" });
    await page.getByTestId("cancel-generation").click();

    await until(
      async () => /cancelled/i.test((await page.locator("#generation-status-text").textContent()) ?? ""),
      "the cancel to show",
    );
    expect(await page.getByTestId("progress").count()).toBe(0);
    expect(await page.getByTestId("day-card").count()).toBe(2);
    expect(await foodNames(page.getByTestId("day-card").first())).toBe(before);
    expect(await page.getByTestId("generate").isDisabled()).toBe(false);
    expect(pageErrors).toEqual([]);
  });

  it("follows a day's regeneration and a whole run started beside it with one status read at a time", async () => {
    const page = await signedInPage();
    const planId = await openPlan(page, "Polling week", 2);
    // Every model call hangs (this app has no step budget), so both runs stay live while the page follows them.
    harness.fake.respondWith(() => ({ hang: true }));
    // Each status read is held longer than the longest wait between polls: a second polling loop on
    // the page would ask again while a read is still out, and the count of reads out would show it.
    const isStatusRead = (url: URL) => url.pathname === `/api/nutrition/plans/${planId}/generate/status`;
    let readsOut = 0;
    let bothFollowing = false;
    const readsOutWhenAsked: number[] = [];
    await page.route(isStatusRead, async (route) => {
      if (bothFollowing) readsOutWhenAsked.push(readsOut);
      readsOut += 1;
      await new Promise((resolve) => setTimeout(resolve, LONGEST_POLL_DELAY_MS + 1_000));
      readsOut -= 1;
      await route.continue();
    });
    try {
      const dayTwo = page.getByTestId("day-card").nth(1);
      await dayTwo.getByTestId("regenerate-day").click();
      await until(
        async () => /Regenerating day 2/.test((await dayTwo.getByTestId("regenerate-status").textContent()) ?? ""),
        "day 2 to be regenerating",
      );
      await page.getByTestId("generate").click();
      await page.getByTestId("progress").waitFor({ state: "visible" });
      bothFollowing = true;

      await until(async () => readsOutWhenAsked.length >= 3, "three status reads", 60_000);
      expect(readsOutWhenAsked.slice(0, 3)).toEqual([0, 0, 0]);
      expect(await dayTwo.getByTestId("regenerate-status").textContent()).toMatch(/Regenerating day 2/);
    } finally {
      bothFollowing = false;
      await page.unroute(isStatusRead);
      harness.fake.respondWith(planFromPrompt);
    }
    expect(pageErrors).toEqual([]);
  });
});

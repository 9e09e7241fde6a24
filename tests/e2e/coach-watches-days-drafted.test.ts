import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, type BrowserApp, signedInDemoCoachPage, startBrowserApp } from "../support/browser-app";

/**
 * A coach watches the plan being written: each drafted day appears as a card
 * marked Draft, with no controls, while the run still plans the rest, and the
 * saved days replace the drafts; a cancel keeps the drafts shown as Stopped
 * until the coach leaves. The fake Messages API writes slowly enough (150
 * tokens a second: pass one's five days take several seconds, pass two's two
 * days a few more) that the page sees drafts before the plan completes.
 */

let harness: BrowserApp;
const pageErrors: string[] = [];

beforeAll(async () => {
  harness = await startBrowserApp({ outputTokensPerSecond: 150 });
});

afterAll(async () => {
  await harness?.stop();
});

async function newSevenDayPlan(page: Page, name: string): Promise<void> {
  await page.getByTestId("new-plan").click();
  await page.getByTestId("plan-name").fill(name);
  await page.getByTestId("plan-length").fill("7");
  await page.getByTestId("plan-calories").fill("2200");
  await page.getByTestId("submit-plan").click();
  await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
}

describe("a coach watching a plan being written", () => {
  it("sees drafted days appear before the plan completes, then the balanced days replace them", async () => {
    const page = await signedInDemoCoachPage(harness, pageErrors);
    await newSevenDayPlan(page, "Drafted week");
    await page.getByTestId("generate").click();

    const drafts = page.getByTestId("draft-day");
    await drafts.first().waitFor({ state: "visible", timeout: 60_000 });
    // Still generating: the bar is up and no saved day is shown yet.
    expect(await page.getByTestId("progress").isVisible()).toBe(true);
    expect(await page.getByTestId("day-card").count()).toBe(0);
    const firstDraft = drafts.first();
    expect(await firstDraft.textContent()).toMatch(/^Day 1\s*Draft/);
    expect(await firstDraft.locator("li").count()).toBeGreaterThan(0);
    expect(await page.getByTestId("draft-days").locator("button").count()).toBe(0);
    // Pass one's days drafted, pass two's still being planned.
    expect(await page.getByTestId("draft-day").count()).toBe(5);
    expect(await page.locator("#generation-status-text").textContent()).toMatch(
      /^Planning days 6-7: 5 of 7 days drafted\./,
    );
    await page.screenshot({ path: path.join(ARTIFACTS, "drafted-days.png"), fullPage: true });

    await page.getByTestId("day-card").nth(6).waitFor({ state: "visible", timeout: 60_000 });
    expect(await page.getByTestId("day-card").count()).toBe(7);
    expect(await drafts.count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it("keeps the drafts of a cancelled run shown as stopped until the coach leaves the page", async () => {
    const page = await signedInDemoCoachPage(harness, pageErrors);
    await newSevenDayPlan(page, "Cancelled week");
    await page.getByTestId("generate").click();
    await page.getByTestId("draft-day").first().waitFor({ state: "visible", timeout: 60_000 });
    const drafted = await page.getByTestId("draft-day").count();

    await page.getByTestId("cancel-generation").click();
    await page.getByText("Generation cancelled.").waitFor({ state: "visible" });
    expect(await page.getByTestId("draft-day").count()).toBe(drafted);
    expect(await page.getByTestId("draft-day").first().textContent()).toMatch(/^Day 1\s*Stopped/);

    await page.reload();
    await page.getByTestId("generate").waitFor({ state: "visible" });
    expect(await page.getByTestId("draft-day").count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});

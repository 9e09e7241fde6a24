import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Download, Page } from "playwright-core";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser";
import {
  ARTIFACTS,
  expectNoSidewaysScroll,
  openGeneratedPlan,
  signedInDemoCoachPage,
  withBrowserApp,
} from "../support/browser-app";

/**
 * The client's copy in a real browser against the production build: the
 * plan's PDF downloaded from the coach's plan page and from the shared page,
 * the printed plan (Chromium's own print to A4) at two days or more a page,
 * the grocery list ticked off (kept across a reload, per page) and exported
 * as CSV, and a long plan's shared page at a 390 px phone's width. The
 * offline planner generates the plans.
 */

const harness = withBrowserApp({ outputTokensPerSecond: 2_000, planner: "offline" });
const pageErrors: string[] = [];

const headers = () => ({ origin: harness.app.baseUrl });

/** The coach's internal name beside the title the client reads: only the second may reach the client. */
const openClientPlan = (page: Page, name: string, days: number) =>
  openGeneratedPlan(
    harness,
    page,
    {
      name: `${name} (internal)`,
      client_title: name,
      plan_length_days: days,
      intake_data: { calorie_target: 2100, notes: "Private: knee surgery" },
    },
    "attached",
  );

async function shareUrl(planId: string): Promise<string> {
  const shared = await harness.context.request.post(`${harness.app.baseUrl}/api/nutrition/plans/${planId}/share`, {
    data: {},
    headers: headers(),
  });
  return ((await shared.json()) as { url: string }).url;
}

/** A PDF's pages as text, one string a page. */
async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: false });
  return text.map((page) => page.replace(/\s+/g, " "));
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  return download;
}

/** The plan's PDF through the page's "Download PDF" button, parsed. */
async function downloadPlanPdf(page: Page): Promise<string[]> {
  const download = await downloaded(page, () => page.getByTestId("download-pdf").click());
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  return pdfPages(new Uint8Array(await readFile(await download.path())));
}

/** Ticks the list's first line; after a reload it is still ticked. */
async function tickFirstGroceryLine(page: Page): Promise<void> {
  const box = () => page.getByTestId("grocery-list").locator('input[type="checkbox"]').first();
  await box().check();
  await page.reload();
  await page.getByTestId("grocery-list").waitFor({ state: "visible" });
  await expect.poll(() => box().isChecked()).toBe(true);
}

describe("the client's copy", () => {
  it("downloads the plan's PDF from the plan page and the shared page, prints two days a page, ticks groceries", async () => {
    const page = await signedInDemoCoachPage(harness, pageErrors);
    const planId = await openClientPlan(page, "Printed week", 7);

    const coachPdf = await downloadPlanPdf(page);
    expect(coachPdf.length).toBeLessThanOrEqual(6);
    const coachText = coachPdf.join(" ");
    expect(coachText).toContain("Printed week");
    expect(coachText).not.toContain("(internal)");
    expect(coachText).toContain("Week overview");
    expect(coachText).toContain("Day 7");
    expect(coachText).toContain("Grocery list");
    expect(coachText).not.toContain("knee surgery");

    // Chromium's own print of the page, on A4: seven days and the grocery list in at most four pages.
    await page.emulateMedia({ media: "print" });
    const printedBytes = await page.pdf({ format: "A4" });
    await writeFile(path.join(ARTIFACTS, "printed-plan.pdf"), printedBytes);
    const printed = await pdfPages(new Uint8Array(printedBytes));
    await page.emulateMedia({ media: "screen" });
    const dayPages = printed.filter((text) => /\bDay \d+\b/.test(text));
    const daysPerPage = dayPages.map((text) => new Set(text.match(/\bDay \d+\b/g)).size);
    expect(printed.length, `printed pages: ${daysPerPage.join(", ")} days`).toBeLessThanOrEqual(4);
    // Every page with days holds two or more (the last may hold the rest).
    expect(daysPerPage.slice(0, -1).every((count) => count >= 2)).toBe(true);
    expect(printed.join(" ")).toContain("Grocery list");
    // Printed for the client: their title, never the internal name or the coach's notes.
    expect(printed[0]).toContain("Printed week");
    expect(printed.join(" ")).not.toContain("(internal)");
    expect(printed.join(" ")).not.toMatch(/knee surgery/i);

    // The grocery list as CSV, and a line ticked off that stays ticked.
    const csv = await downloaded(page, () => page.getByRole("button", { name: "Download CSV" }).click());
    expect((await readFile(await csv.path(), "utf8")).split("\r\n")[0]).toBe("Aisle,Item,Amount,Count,Unit,Grams");
    await tickFirstGroceryLine(page);

    // The client, in their own browser: the same PDF from the shared page, their own ticks.
    const url = await shareUrl(planId);
    const client = await launchBrowser();
    try {
      const clientPage = await client.context.newPage();
      clientPage.on("pageerror", (error) => pageErrors.push(error.message));
      await clientPage.goto(url);
      await clientPage.getByTestId("shared-plan").waitFor({ state: "visible" });
      const clientPdf = await downloadPlanPdf(clientPage);
      expect(clientPdf.join(" ")).toBe(coachText);
      expect(await clientPage.getByTestId("grocery-list").locator("input:checked").count()).toBe(0);
      await tickFirstGroceryLine(clientPage);
    } finally {
      await client.close();
    }
    expect(pageErrors).toEqual([]);
  });

  it("gives a long plan a list per week, and keeps the shared page to a 390 px phone's width", async () => {
    const page = await signedInDemoCoachPage(harness, pageErrors);
    const planId = await openClientPlan(page, "Eight days", 8);
    const client = await launchBrowser();
    try {
      const clientPage = await client.context.newPage();
      await clientPage.setViewportSize({ width: 390, height: 844 });
      await clientPage.goto(await shareUrl(planId));
      const period = clientPage.getByTestId("grocery-period");
      await period.waitFor({ state: "visible" });
      expect(await period.locator("option").allTextContents()).toEqual([
        "Week 1 (days 1–7)",
        "Week 2 (day 8)",
        "Whole plan (8 days)",
      ]);
      await period.selectOption("week-2");
      await expect
        .poll(() => clientPage.locator("#grocery-heading").textContent())
        .toBe("Grocery list: Week 2 (day 8)");
      await expectNoSidewaysScroll(clientPage, "shared page, a week's grocery list");
      await clientPage
        .getByTestId("grocery-list")
        .screenshot({ path: path.join(ARTIFACTS, "phone-shared-grocery-list-week-2.png") });
    } finally {
      await client.close();
    }
    expect(pageErrors).toEqual([]);
  });
});

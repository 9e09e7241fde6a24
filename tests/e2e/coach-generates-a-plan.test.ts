import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localSignInKey, localSignInLink } from "@/server/auth/local-sign-in-key";
import type { RunningNext } from "../../scripts/lib/next-server";
import { ARTIFACTS, type BrowserApp, startBrowserApp } from "../support/browser-app";
import type { FakeAnthropic } from "../support/fake-anthropic";

/**
 * A coach in a real browser against the production build: sign in, create a
 * plan, generate it, watch progress, read the finished plan; and a model
 * failure shown in words, then fixed by Retry. Claude is the fake Messages
 * API on loopback, writing at a few hundred tokens a second so progress shows.
 */

let harness: BrowserApp;
let fake: FakeAnthropic;
let app: RunningNext;
let context: BrowserContext;
const pageErrors: string[] = [];

beforeAll(async () => {
  harness = await startBrowserApp({ outputTokensPerSecond: 400 });
  ({ fake, app, context } = harness);
});

afterAll(async () => {
  await harness?.stop();
});

async function openPage(): Promise<Page> {
  const page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  // A script or style the Content-Security-Policy blocked is reported on the console.
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) pageErrors.push(message.text());
  });
  return page;
}

async function signIn(page: Page) {
  await page.goto(localSignInLink(app.baseUrl, localSignInKey()));
  await page.getByTestId("sign-in-demo").click();
  await page.waitForURL(/\/plans$/);
}

describe("a coach in the browser", () => {
  it("signs in, creates a plan, generates it, watches progress and sees the finished plan", async () => {
    const page = await openPage();
    await signIn(page);
    await expect(page.getByTestId("runtime-banner").textContent()).resolves.toMatch(/inline/i);

    await page.getByTestId("new-plan").click();
    await page.getByTestId("plan-name").fill("Browser week");
    await page.getByTestId("plan-length").fill("6");
    await page.getByTestId("plan-calories").fill("2100");
    await page.getByTestId("submit-plan").click();
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);

    await page.getByTestId("generate").click();
    await page.getByTestId("progress").waitFor({ state: "visible" });
    expect(await page.getByTestId("generate").isDisabled()).toBe(true);

    await page.getByTestId("day-card").nth(5).waitFor({ state: "visible", timeout: 60_000 });
    expect(await page.getByTestId("day-card").count()).toBe(6);
    await page.getByTestId("grocery-list").waitFor({ state: "visible" });
    await page.getByTestId("kcal-chart").waitFor({ state: "visible" });
    expect(await page.getByTestId("day-card").first().textContent()).toMatch(/kcal/);
    await page.screenshot({ path: path.join(ARTIFACTS, "finished-plan.png"), fullPage: true });

    await page.goto(`${app.baseUrl}/plans`);
    const badge = page.getByTestId("plan-row").filter({ hasText: "Browser week" }).getByTestId("status-badge");
    expect(await badge.getAttribute("data-status")).toBe("complete");
    // The run's tokens (the fake Messages API reports usage) against the org's daily budget.
    const usage = (await page.getByTestId("token-usage").textContent()) ?? "";
    expect(usage).toMatch(/^[\d,]+ of 2,000,000 model tokens today \(UTC\)$/);
    expect(Number(usage.split(" ")[0]?.replaceAll(",", ""))).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  });

  it("serves every page under a strict Content-Security-Policy whose nonce is on each of its scripts", async () => {
    for (const path of ["/sign-in", "/plans", "/shared/not-a-token"]) {
      const response = await context.request.get(`${app.baseUrl}${path}`);
      const policy = response.headers()["content-security-policy"] ?? "";
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
      expect(nonce, path).toBeDefined();
      expect(policy).toMatch(/frame-ancestors 'none'/);
      expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
      expect(response.headers()["x-content-type-options"]).toBe("nosniff");
      const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const script of scripts) expect(script, path).toContain(`nonce="${nonce}"`);
    }
  });

  it("shows a model failure in words, and Retry generates the plan", async () => {
    const page = await openPage();
    await signIn(page);
    const created = await context.request.post(`${app.baseUrl}/api/nutrition/plans`, {
      data: { name: "Retry week", plan_length_days: 2, intake_data: { calorie_target: 1900 } },
      // As the app's own page would send it: cookie-signed writes must name the app's origin.
      headers: { origin: app.baseUrl },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };

    fake.enqueue({ status: 401 });
    await page.goto(`${app.baseUrl}/plans/${id}`);
    await page.getByTestId("generate").click();
    const error = page.getByTestId("generation-error");
    await error.waitFor({ state: "visible", timeout: 30_000 });
    expect(await error.textContent()).toMatch(/401/);
    expect(await error.textContent()).not.toContain("sk-ant-e2e-test-key");

    await page.getByTestId("retry").click();
    await page.getByTestId("day-card").nth(1).waitFor({ state: "visible", timeout: 60_000 });
    expect(await page.getByTestId("day-card").count()).toBe(2);
    expect(await page.getByTestId("generation-error").count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});

import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { localSignInKey, localSignInLink } from "@/server/auth/local-sign-in-key";
import { type RunningNext, startNext } from "../../scripts/lib/next-server";
import { launchBrowser } from "./browser";
import { type FakeAnthropic, startFakeAnthropic } from "./fake-anthropic";

/** Where browser tests leave their screenshots. */
export const ARTIFACTS = path.resolve("test-results");

export type BrowserApp = {
  fake: FakeAnthropic;
  app: RunningNext;
  context: BrowserContext;
  stop: () => Promise<void>;
};

/**
 * What a browser test file runs against: the production build (`next start`)
 * on this file's database, with the inline runner and Claude as the fake
 * Messages API on loopback (or, with `planner: "offline"`, no API key: the
 * offline planner), and one Chromium with an empty profile.
 */
export async function startBrowserApp(options: {
  outputTokensPerSecond: number;
  planner?: "fake-anthropic" | "offline";
}): Promise<BrowserApp> {
  await mkdir(ARTIFACTS, { recursive: true });
  const fake = await startFakeAnthropic({ outputTokensPerSecond: options.outputTokensPerSecond });
  const app = await startNext({
    mode: "start",
    env: {
      DATABASE_URL: process.env.DATABASE_URL ?? "",
      // next start is a production build: local sign-in needs both switches (loopback only).
      LOCAL_AUTH: "1",
      LOCAL_AUTH_UNSAFE: "1",
      GENERATION_RUNNER: "inline",
      // Empty counts as unset (src/server/env.ts), and overrides a key the test's own environment may carry.
      ANTHROPIC_API_KEY: options.planner === "offline" ? "" : "sk-ant-e2e-test-key",
      ANTHROPIC_BASE_URL: fake.baseURL,
      GENERATION_STEP_BUDGET_SECONDS: "0",
    },
  });
  const browser = await launchBrowser();
  return {
    fake,
    app,
    context: browser.context,
    stop: async () => {
      await browser.close();
      await app.stop();
      await fake.close();
    },
  };
}

/**
 * Registers the file's hooks: the app of startBrowserApp started before its
 * tests and stopped after them. The object is filled in by the time a test runs.
 */
export function withBrowserApp(options: Parameters<typeof startBrowserApp>[0]): BrowserApp {
  const harness = {} as BrowserApp;
  beforeAll(async () => {
    Object.assign(harness, await startBrowserApp(options));
  });
  afterAll(async () => {
    await harness.stop?.();
  });
  return harness;
}

/**
 * A new page, signed in as the seeded demo coach on the plans list; its
 * uncaught errors, and what the Content-Security-Policy blocked, go to `pageErrors`.
 */
export async function signedInDemoCoachPage(
  harness: Pick<BrowserApp, "app" | "context">,
  pageErrors: string[],
): Promise<Page> {
  const page = await harness.context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  // A script or style the Content-Security-Policy blocked is reported on the console.
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) pageErrors.push(message.text());
  });
  // The sign-in link, as `npm start` prints it (the key from .data/, which the server reads too).
  await page.goto(localSignInLink(harness.app.baseUrl, localSignInKey()));
  await page.getByTestId("sign-in-demo").click();
  await page.waitForURL(/\/plans$/);
  return page;
}

/** The page is no wider than the window: nothing scrolls sideways. */
export async function expectNoSidewaysScroll(page: Page, what: string) {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    window: window.innerWidth,
  }));
  expect(widths.scroll, what).toBeLessThanOrEqual(widths.window);
}

/** Checks `condition` every 100 ms until it holds; fails naming `what` after `timeoutMs`. */
export async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * A plan created with `plan` and generated through the API as the page's
 * signed-in coach, then opened in `page` once its last day card is `shown`
 * (attached: a plan longer than a week shows one week at a time). Returns its id.
 */
export async function openGeneratedPlan(
  harness: Pick<BrowserApp, "app" | "context">,
  page: Page,
  plan: Record<string, unknown> & { plan_length_days: number },
  shown: "attached" | "visible" = "visible",
): Promise<string> {
  const { app, context } = harness;
  // As the app's own page would send them: cookie-signed writes must name the app's origin.
  const headers = { origin: app.baseUrl };
  const created = await context.request.post(`${app.baseUrl}/api/nutrition/plans`, { data: plan, headers });
  const { id } = (await created.json()) as { id: string };
  const started = await context.request.post(`${app.baseUrl}/api/nutrition/plans/${id}/generate/start`, {
    data: {},
    headers,
  });
  expect(started.status()).toBe(202);
  await page.goto(`${app.baseUrl}/plans/${id}`);
  await page
    .getByTestId("day-card")
    .nth(plan.plan_length_days - 1)
    .waitFor({ state: shown, timeout: 60_000 });
  return id;
}

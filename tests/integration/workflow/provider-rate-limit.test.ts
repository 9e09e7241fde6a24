import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startInlineRun } from "@/inngest/inline/inline-runner";
import { generationDependencies } from "@/inngest/story/run-dependencies";
import { resetEnvForTests } from "@/server/env";
import { type FakeAnthropic, startFakeAnthropic } from "../../support/fake-anthropic";
import { createGeneratingPlan, readSavedPlan } from "../../support/generation-fixtures";
import { DEMO_ORG_ID, OTHER_ORG_ID } from "../../support/seed-ids";

/**
 * The provider's own limit below the app's model-call slots (5 across the
 * account, 3 per org): the Messages API answers 429 + retry-after whenever
 * N calls are already being answered. A 429 is no fault of the request: it
 * waits its retry-after without spending the step's attempts, and the
 * inline runner's account slots narrow while 429s come and widen after
 * successes. Real SDK, real database, the fake Messages API over loopback.
 */

const API_KEY = "sk-ant-test-provider-limit";
/** Retry delays (the 1 s retry-after included) at a tenth, so three rounds stay short. */
const RETRY_DELAY_SCALE = 0.1;

describe.each([1, 2, 4])("the provider allowing %i call(s) at once", (max) => {
  let fake: FakeAnthropic;
  beforeAll(async () => {
    // About 0.1-0.3 s per call, so calls overlap and meet the provider's limit.
    fake = await startFakeAnthropic({
      apiKey: API_KEY,
      outputTokensPerSecond: 8_000,
      inFlightLimit: { max, retryAfterSeconds: 1 },
    });
  });
  beforeEach(() => {
    process.env.ANTHROPIC_API_KEY = API_KEY;
    process.env.ANTHROPIC_BASE_URL = fake.baseURL;
    resetEnvForTests();
    // Each 429 is logged as a retry; the inline runner says it is not durable.
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
  });
  afterEach(() => {
    delete process.env.ANTHROPIC_API_KEY;
    delete process.env.ANTHROPIC_BASE_URL;
    resetEnvForTests();
    vi.restoreAllMocks();
  });
  afterAll(async () => {
    await fake.close();
  });

  it("completes six 7-day plans from two orgs, none in error, calling fewer at once while 429s come", async () => {
    const plans = await Promise.all(
      [DEMO_ORG_ID, OTHER_ORG_ID, DEMO_ORG_ID, OTHER_ORG_ID, DEMO_ORG_ID, OTHER_ORG_ID].map((org_id) =>
        createGeneratingPlan({ org_id, plan_length_days: 7 }),
      ),
    );
    await Promise.all(
      plans.map((data) =>
        startInlineRun(data, { dependencies: generationDependencies(), retryDelayScale: RETRY_DELAY_SCALE }),
      ),
    );

    const saved = await Promise.all(plans.map((data) => readSavedPlan(data.planId)));
    expect(saved.map((plan) => ({ status: plan.status, error: plan.error, days: plan.dayRows }))).toEqual(
      plans.map(() => ({ status: "complete", error: null, days: 7 })),
    );
    const { refused } = fake.inFlight();
    const answered = fake.requests.length - refused;
    console.info(`provider max ${max}: ${answered} calls answered, ${refused} refused with 429`);
    // The slots follow the provider's limit: far fewer 429s than calls (a fixed 5 at once against 1 meets ~4 per call).
    expect(refused).toBeLessThan(answered);
  });
});

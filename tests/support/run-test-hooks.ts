import { afterAll, afterEach, beforeAll, beforeEach, vi } from "vitest";
import { inngest } from "@/inngest/binding/client";
import { settleInlineRuns } from "@/inngest/inline/inline-runner";
import { resetEnvForTests } from "@/server/env";
import { demoCoachToken, otherCoachToken } from "./api-client";
import { type FakeAnthropic, startFakeAnthropic } from "./fake-anthropic";

/** Both coaches' bearer tokens, signed before the file's tests run. */
export type CoachTokens = {
  /** The demo coach's bearer token. */
  token: string;
  /** A coach of another org: sees none of the demo org's plans. */
  otherToken: string;
};

/** Registers a beforeAll that signs the demo coach's and the other org's coach's tokens. */
export function withCoachTokens(): CoachTokens {
  const tokens: CoachTokens = { token: "", otherToken: "" };
  beforeAll(async () => {
    tokens.token = await demoCoachToken();
    tokens.otherToken = await otherCoachToken();
  });
  return tokens;
}

/** What a test file that starts generation runs through the routes works with. */
export type RunTestSetup = CoachTokens & {
  /** The fake Claude, answering to the file's API key. */
  fake: FakeAnthropic;
  /** Sends the next runs to the fake Claude instead of the offline planner. */
  sendRunsToClaude(): void;
};

const RUN_ENV = ["ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", "GENERATION_RUNNER", "ORG_DAILY_TOKEN_BUDGET"];

/**
 * Registers the hooks shared by the files that start runs through the routes:
 * a fake Claude and both coaches' tokens for the file, the inline runner's
 * not-durable warning silenced, and after each test every inline run settled,
 * spies restored and the run settings put back.
 */
export function withRunTestSetup(apiKey: string): RunTestSetup {
  const setup = withCoachTokens() as RunTestSetup;
  Object.assign(setup, {
    sendRunsToClaude() {
      process.env.ANTHROPIC_API_KEY = apiKey;
      process.env.ANTHROPIC_BASE_URL = setup.fake.baseURL;
      resetEnvForTests();
      setup.fake.requests.length = 0;
    },
  });
  beforeAll(async () => {
    setup.fake = await startFakeAnthropic({ apiKey });
  });
  afterAll(async () => {
    await setup.fake.close();
  });
  beforeEach(() => {
    // The inline runner says it is not durable; a failed cancel send is a warning.
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
  });
  afterEach(async () => {
    await settleInlineRuns();
    vi.restoreAllMocks();
    for (const name of RUN_ENV) delete process.env[name];
    resetEnvForTests();
  });
  return setup;
}

/** Sends the next runs to Inngest, whose send is spied on and answers as if queued. */
export function queueRunsOnInngest() {
  process.env.GENERATION_RUNNER = "inngest";
  resetEnvForTests();
  return vi.spyOn(inngest, "send").mockResolvedValue({ ids: ["queued"] } as never);
}

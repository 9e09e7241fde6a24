import { describe, expect, it } from "vitest";
import { type CampaignReport, formatReport, runFaultCampaign } from "../../scripts/lib/fault-campaign";
import { FAULT_KINDS } from "../support/fault-mix";

/**
 * The short form of `npm run faults`: 30 plans of 1-7 days at 30 % faults, a
 * kill -9 of the server mid-run, the database going away mid-run, 300 hostile
 * requests. Every fault but hangs (each costs the 19 s call timeout; the full
 * campaign and the Claude adapter's tests cover them). No timing is asserted except the recovery bounds the
 * issue sets (10 s to answer, 60 s to settle).
 *
 * The database scenario terminates the app's connections and restarts
 * PostgreSQL mid-run: no request may go unanswered and no run may hang on a
 * dead connection (postgres.js is patched for that: patches/, and
 * tests/integration/database/lost-connections.test.ts).
 */
const options = {
  seed: 7,
  faultRate: 0.3,
  plans: 30,
  inFlight: 10,
  killPlans: 3,
  databasePlans: 3,
  slowPlans: 0,
  fuzzRequests: 300,
  planDeadlineMs: 90_000,
  maxDays: 7,
  faultKinds: FAULT_KINDS.filter((kind) => kind !== "hang"),
  log: () => {},
};

describe("the fault campaign, short form", () => {
  it("loses, strands or corrupts no plan, leaks no secret and answers no 500", async () => {
    const report: CampaignReport = await runFaultCampaign(options);
    const summary = formatReport(report, { ...options });
    const byName = Object.fromEntries(report.scenarios.map((scenario) => [scenario.name, scenario]));

    expect(
      report.scenarios.map((scenario) => [scenario.stuck, scenario.notStarted]),
      summary,
    ).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    expect(byName["30 % faults"]?.complete, summary).toBeGreaterThanOrEqual(29);
    // A plan may still run out of retries on the injected model faults, never on the restart.
    expect(byName["database terminated + restarted"]?.complete, summary).toBeGreaterThanOrEqual(2);
    expect(report.checks, summary).toMatchObject({
      duplicateOrMissingDays: 0,
      restrictionViolations: 0,
      unknownFoods: 0,
      offTargetDays: 0,
      secretsFound: 0,
      responses500: 0,
      unanswered: 0,
      unhandledServerErrors: 0,
    });
    expect(report.checks.plansChecked).toBeGreaterThanOrEqual(30);
    expect(report.recovery.serverAnswersAfterMs[0], summary).toBeLessThan(10_000);
    expect(report.recovery.plansSettledAfterMs[0], summary).toBeLessThan(60_000);
  }, 240_000);
});

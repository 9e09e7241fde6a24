import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type RunningNext, startNext } from "../../scripts/lib/next-server";

export type AppWithEventStub = {
  app: RunningNext;
  /** Events Inngest's API would have received, by event id (= generation id). */
  eventsById: Map<string, number>;
  /** Every event received. */
  eventCount: () => number;
  stop: () => Promise<void>;
};

/**
 * `next start` (production build) on the given database with the Inngest
 * runner pointed at a loopback stand-in for Inngest's event API, so a start
 * does exactly what it does in production: authenticate, the database work,
 * one event POST. The stand-in counts the events it receives, by id.
 */
export async function startAppWithEventStub(
  databaseUrl: string,
  extraEnv: Record<string, string> = {},
): Promise<AppWithEventStub> {
  const eventsById = new Map<string, number>();
  const count = (id: string) => eventsById.set(id, (eventsById.get(id) ?? 0) + 1);
  const events = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      try {
        const sent = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { id?: string } | { id?: string }[];
        for (const event of Array.isArray(sent) ? sent : [sent]) count(event.id ?? "(no id)");
      } catch {
        count("(unreadable)");
      }
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ ids: ["bench"], status: 200 }));
    });
  });
  await new Promise<void>((resolve) => events.listen(0, "127.0.0.1", resolve));
  const app = await startNext({
    mode: "start",
    env: {
      DATABASE_URL: databaseUrl,
      LOCAL_AUTH: "1",
      LOCAL_AUTH_UNSAFE: "1",
      // The load bench starts plans at fixed offered rates: no spend limits, no daily budget.
      SPEND_LIMIT_SCALE: "1000000",
      ORG_DAILY_TOKEN_BUDGET: "0",
      GENERATION_RUNNER: "inngest",
      INNGEST_EVENT_KEY: "bench-event-key",
      INNGEST_SIGNING_KEY: "signkey-test-0000000000000000000000000000000000000000000000000000000000000000",
      INNGEST_BASE_URL: `http://127.0.0.1:${(events.address() as AddressInfo).port}`,
      ...extraEnv,
    },
  });
  return {
    app,
    eventsById,
    eventCount: () => [...eventsById.values()].reduce((sum, value) => sum + value, 0),
    stop: async () => {
      await app.stop();
      events.close();
    },
  };
}

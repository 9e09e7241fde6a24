// The app's own API route handlers served by node:http, for the fault campaign:
// a real server process (it can be killed with SIGKILL and restarted in about a
// second, with no `next build`), running the same handlers, the same
// instrumentation hook (inline-run recovery, graceful SIGTERM) and the same
// inline runner as `next start`. Pages and Next's own routing are not served.
//
//   PORT=… DATABASE_URL=… node --import tsx scripts/lib/app-server.ts
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import * as session from "@/app/api/dev/session/route";
import * as health from "@/app/api/health/route";
import * as clients from "@/app/api/nutrition/clients/route";
import * as retired from "@/app/api/nutrition/plans/[planId]/generate/route";
import * as start from "@/app/api/nutrition/plans/[planId]/generate/start/route";
import * as status from "@/app/api/nutrition/plans/[planId]/generate/status/route";
import * as plan from "@/app/api/nutrition/plans/[planId]/route";
import * as plans from "@/app/api/nutrition/plans/route";
import { register } from "@/instrumentation";
import { env } from "@/server/env";
import { redactSecrets } from "@/server/redact";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type RouteModule = Partial<Record<string, unknown>>;

const routes: [RegExp, RouteModule][] = [
  [/^\/api\/health$/, health],
  [/^\/api\/dev\/session$/, session],
  [/^\/api\/nutrition\/clients$/, clients],
  [/^\/api\/nutrition\/plans$/, plans],
  [/^\/api\/nutrition\/plans\/(?<planId>[^/]+)$/, plan],
  [/^\/api\/nutrition\/plans\/(?<planId>[^/]+)\/generate$/, retired],
  [/^\/api\/nutrition\/plans\/(?<planId>[^/]+)\/generate\/start$/, start],
  [/^\/api\/nutrition\/plans\/(?<planId>[^/]+)\/generate\/status$/, status],
];

function readAll(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

/** Path segments as Next.js hands them to a route (decoded); undefined when one is malformed. */
function decodeParams(groups: Record<string, string>): Record<string, string> | undefined {
  try {
    return Object.fromEntries(Object.entries(groups).map(([key, value]) => [key, decodeURIComponent(value)]));
  } catch {
    return undefined;
  }
}

async function handle(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
  const url = new URL(incoming.url ?? "/", "http://127.0.0.1");
  const method = incoming.method ?? "GET";
  let match: RegExpExecArray | null = null;
  const route = routes.find(([pattern]) => {
    match = pattern.exec(url.pathname);
    return match !== null;
  });
  const handler = route?.[1][method] as Handler | undefined;
  let response: Response;
  if (!route) {
    response = Response.json({ error: "Not found" }, { status: 404 });
  } else if (!handler) {
    response = Response.json({ error: "Method not allowed" }, { status: 405 });
  } else {
    const body = method === "GET" || method === "HEAD" ? undefined : await readAll(incoming);
    const headers = new Headers();
    for (const [key, value] of Object.entries(incoming.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    // As Next.js does: the caller's address, unless the client sent one.
    if (!headers.has("x-forwarded-for") && incoming.socket.remoteAddress) {
      headers.set("x-forwarded-for", incoming.socket.remoteAddress);
    }
    const request = new Request(url, { method, headers, body: body?.length ? new Uint8Array(body) : undefined });
    const params = decodeParams((match as RegExpExecArray | null)?.groups ?? {});
    response = params
      ? await handler(request, { params: Promise.resolve(params) })
      : Response.json({ error: "Malformed path" }, { status: 400 });
  }
  outgoing.writeHead(response.status, Object.fromEntries(response.headers));
  outgoing.end(Buffer.from(await response.arrayBuffer()));
}

// As Next.js's server does: an error nobody caught is logged and the server
// keeps serving. The campaign counts these lines as findings.
const logUnhandled = (kind: string) => (error: unknown) =>
  console.error(
    `[app-server] unhandled ${kind}: ${redactSecrets(error instanceof Error ? `${error.name}: ${error.message}` : String(error))}`,
  );
process.on("uncaughtException", logUnhandled("exception"));
process.on("unhandledRejection", logUnhandled("rejection"));

await register();
const server = createServer((incoming, outgoing) => {
  handle(incoming, outgoing).catch((error: unknown) => {
    // Only reachable if a route module itself is broken (apiHandler answers every handled failure).
    console.error(`[app-server] unhandled: ${error instanceof Error ? error.name : "error"}`);
    if (!outgoing.headersSent) outgoing.writeHead(500, { "content-type": "application/json" });
    outgoing.end('{"error":"unhandled"}');
  });
});
server.listen(env().PORT, "127.0.0.1", () => console.log(`[app-server] listening on 127.0.0.1:${env().PORT}`));

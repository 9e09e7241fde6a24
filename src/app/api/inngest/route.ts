import { serve } from "inngest/next";
import { inngest } from "@/inngest/binding/client";
import { functions } from "@/inngest/binding/functions";
import { env } from "@/server/env";

/**
 * The Inngest endpoint: Inngest (Cloud, or `npx inngest-cli dev`) calls it to
 * sync the functions and to run their steps. Outside dev mode every request,
 * a sync (PUT) included, must carry Inngest's signature (INNGEST_SIGNING_KEY):
 * an unsigned PUT would have the app register itself with Inngest on anyone's
 * say. The URL it registers is INNGEST_SERVE_ORIGIN's when set (else
 * APP_URL's, the app's public origin), never one built from the request's
 * Host header.
 */
const serveOrigin = env().INNGEST_SERVE_ORIGIN ?? env().APP_URL;

export const { GET, POST, PUT } = serve({
  client: inngest,
  functions,
  enableUnauthedSync: false,
  ...(serveOrigin ? { serveOrigin } : {}),
});

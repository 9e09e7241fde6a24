import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";

/**
 * The Inngest endpoint: Inngest (Cloud, or `npx inngest-cli dev`) calls it to
 * sync the functions and to run their steps. Outside dev mode, every request's
 * signature is checked with INNGEST_SIGNING_KEY.
 */
export const { GET, POST, PUT } = serve({ client: inngest, functions });

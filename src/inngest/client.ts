import { Inngest } from "inngest";
import { inngestConfig } from "../../inngest.config";

/**
 * The Inngest client. Dev mode (INNGEST_DEV=1) talks to `npx inngest-cli dev`;
 * otherwise it is cloud mode, with INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY
 * read by the SDK itself.
 */
export const inngest = new Inngest({
  id: inngestConfig.appId,
  checkpointing: { maxRuntime: inngestConfig.checkpointingMaxRuntime },
});

/**
 * Runs once when the server starts: parse the environment now so a bad
 * variable stops the server with field errors instead of failing a request
 * later; with the inline runner, take up runs a previous process left
 * unfinished and stop gracefully on SIGTERM.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("@/server/env");
    const configuration = env();
    const { selectedRunner } = await import("@/inngest/dispatch");
    if (selectedRunner(configuration) === "inline") {
      const { startInlineRecovery } = await import("@/inngest/inline-recovery");
      await startInlineRecovery({ manageSignals: configuration.NEXT_MANUAL_SIG_HANDLE });
    }
  }
}

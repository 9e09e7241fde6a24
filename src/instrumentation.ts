/**
 * Runs once when the server starts: parse the environment now so a bad
 * variable stops the server with field errors instead of failing a request
 * later (and say when LOCAL_AUTH=1 is being ignored); with the inline runner, take up runs a previous process left
 * unfinished; when the scripts asked for it (NEXT_MANUAL_SIG_HANDLE), exit on
 * SIGTERM only after inline runs reached a step boundary.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("@/server/env");
    const configuration = env();
    const { ignoredLocalAuthWarning } = await import("@/server/auth/auth-mode");
    const ignored = ignoredLocalAuthWarning(configuration);
    if (ignored) console.warn(`[auth] ${ignored}`);
    const { selectedRunner } = await import("@/inngest/dispatch");
    const { exitGracefullyOnSignals, startInlineRecovery } = await import("@/inngest/inline/inline-recovery");
    if (configuration.NEXT_MANUAL_SIG_HANDLE) exitGracefullyOnSignals();
    // In the background: the server answers while recovery waits for a database that may be restarting.
    if (selectedRunner(configuration) === "inline") void startInlineRecovery();
  }
}

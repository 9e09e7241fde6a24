/**
 * Runs once when the server starts: parse the environment now so a bad
 * variable stops the server with field errors instead of failing a request later.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("@/server/env");
    env();
  }
}

import { env } from "./env";

/**
 * Removes every configured secret (API keys, signing keys, the JWT secret,
 * the database password) from a message before it is logged or stored where a
 * coach can read it.
 */
export function redactSecrets(message: string): string {
  const configuration = env();
  const secrets = [
    configuration.ANTHROPIC_API_KEY,
    configuration.INNGEST_EVENT_KEY,
    configuration.INNGEST_SIGNING_KEY,
    configuration.SUPABASE_JWT_SECRET,
    configuration.SUPABASE_ANON_KEY,
    databasePassword(configuration.DATABASE_URL),
  ].filter((secret): secret is string => typeof secret === "string" && secret.length >= 4);
  let redacted = message;
  for (const secret of secrets) redacted = redacted.split(secret).join("[redacted]");
  // Anything shaped like an Anthropic key or a bearer token, configured or not.
  return redacted
    .replace(/sk-ant-[A-Za-z0-9_-]+/g, "[redacted]")
    .replace(/Bearer\s+[A-Za-z0-9._-]+/g, "Bearer [redacted]");
}

function databasePassword(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return decodeURIComponent(new URL(url).password) || undefined;
  } catch {
    return undefined;
  }
}

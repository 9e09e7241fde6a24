/** The error's code: Node's socket codes, postgres.js's CONNECTION_* codes or PostgreSQL's SQLSTATE. */
export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "unknown";
}

/**
 * The database is down, restarting, or dropped our connection: nothing the
 * client did, and it passes by itself. postgres.js reports socket failures
 * with Node's codes or its own CONNECTION_* codes; PostgreSQL itself says
 * 57P01-57P03 (terminated by an administrator, crash, still starting), 08xxx
 * (connection exceptions) or 53300 (too many connections).
 */
export function databaseUnavailable(error: unknown): boolean {
  const code = errorCode(error);
  return (
    /^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EAI_AGAIN)$/.test(code) ||
    /^CONNECT(ION)?_/.test(code) ||
    /^(57P0[123]|08...|53300)$/.test(code)
  );
}

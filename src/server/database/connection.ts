import postgres from "postgres";

export type Database = postgres.Sql;
/** What a transaction's work is given: a connection held for it (a `sql.begin` scope or a reserved connection). */
export type Transaction = postgres.Sql;

/** Postgres `numeric` arrives as a string by default; our values fit a double. */
const numericAsNumber = {
  to: 1700,
  from: [1700],
  serialize: (value: number) => String(value),
  parse: (value: string) => Number(value),
};

export type ConnectionOptions = {
  /** Pool size; small because serverless hosts open one pool per instance. */
  maxConnections?: number;
  /** Prepared statements break behind Supabase's transaction pooler (port 6543). */
  prepare?: boolean;
};

/** True for URLs that go through a transaction-mode pooler, where prepare must be off. */
export function usesTransactionPooler(url: string): boolean {
  const parsed = new URL(url);
  return parsed.port === "6543" || parsed.hostname.includes("pooler.supabase.com");
}

export function connect(url: string, options: ConnectionOptions = {}): Database {
  return postgres(url, {
    max: options.maxConnections ?? 10,
    prepare: options.prepare ?? !usesTransactionPooler(url),
    idle_timeout: 20,
    connect_timeout: 10,
    // How long a query waits before its connection tries again after failed
    // attempts. postgres.js's default grows to 20 s, so after a database
    // restart a request could wait that long for a server that was already
    // back (and Netlify ends a function at 60 s, 26 s on older sites); here it stays under a second.
    backoff: (retries: number) => (0.5 + Math.random() / 2) * Math.min(0.05 * 2 ** retries, 1),
    // A notice such as "relation already exists, skipping" is not worth a log line.
    onnotice: () => {},
    types: { numeric: numericAsNumber },
    connection: { application_name: "meal-plan-generation" },
  });
}

/** `postgres://user@host:port/db` with the password removed, for messages. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = "";
    return parsed.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

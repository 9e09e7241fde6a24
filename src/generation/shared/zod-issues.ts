import type { z } from "zod";

/** One validation problem, addressed by a readable path such as `intake_data.macro_split`. */
export type FieldIssue = { path: string; message: string };

/** What a parser answers: the value, or a sentence naming the first problem and every problem behind it. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string; details: FieldIssue[] };

/** Render a zod path as `days[2].meals[0].items` (the form a developer would type). */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out === "" ? String(segment) : `.${String(segment)}`;
  }
  return out === "" ? "(root)" : out;
}

/** Flatten zod issues into `{ path, message }` pairs fit for an HTTP 400 body. */
export function describeZodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const keys = issue.code === "unrecognized_keys" ? issue.keys : [];
    return keys.length > 0
      ? {
          path: formatIssuePath(issue.path),
          message: `unknown field${keys.length > 1 ? "s" : ""} ${keys.map((key) => `"${key}"`).join(", ")}`,
        }
      : { path: formatIssuePath(issue.path), message: issue.message };
  });
}

/** One sentence naming the first problem, for an `error` string. */
export function summarizeIssues(issues: readonly FieldIssue[]): string {
  const first = issues[0];
  if (!first) return "invalid input";
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  return `${first.path}: ${first.message}${more}`;
}

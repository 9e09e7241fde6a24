import type { z } from "zod";
import { describeZodIssues, type ParseResult, summarizeIssues } from "@/generation/shared/zod-issues";
import { badRequest } from "./api-error";
import { MAX_BODY_BYTES, readJsonBody } from "./read-json-body";

/**
 * The one way a route reads a JSON body: read it (readJsonBody: empty is `{}`,
 * too large 413, not JSON 400), then validate it with a zod schema, or with a
 * parser that answers a `ParseResult` (the intake's, which name the request in
 * their sentence). Invalid is 400 `{ error, details }`: the first problem as a
 * sentence, and every problem as `{ path, message }`.
 */
export async function parseJsonBody<T>(
  request: Request,
  schema: z.ZodType<T> | ((input: unknown) => ParseResult<T>),
  maxBytes = MAX_BODY_BYTES,
): Promise<T> {
  const input = await readJsonBody(request, maxBytes);
  if (typeof schema === "function") {
    const parsed = schema(input);
    if (!parsed.ok) throw badRequest(parsed.error, parsed.details);
    return parsed.value;
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issues = describeZodIssues(parsed.error);
    throw badRequest(summarizeIssues(issues), issues);
  }
  return parsed.data;
}

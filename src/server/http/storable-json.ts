import { badRequest } from "./api-error";

/** Deeper than any real plan request; deep nesting only serves to exhaust the server. */
export const MAX_JSON_DEPTH = 32;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function unstorable(text: string): boolean {
  // PostgreSQL text and jsonb cannot hold NUL, nor half of a UTF-16 pair.
  return text.includes("\u0000") || LONE_SURROGATE.test(text);
}

/**
 * Rejects, with a 400 naming the field, JSON that PostgreSQL cannot store or
 * that is nested absurdly deep, before any schema or query sees it.
 */
export function assertStorableJson(value: unknown, path = "", depth = 0): void {
  if (depth > MAX_JSON_DEPTH) {
    throw badRequest(`The request body is nested more than ${MAX_JSON_DEPTH} levels deep`, [
      { path: path || "(root)", message: "too deeply nested" },
    ]);
  }
  if (typeof value === "string") {
    if (unstorable(value)) {
      throw badRequest(
        "The request contains text that cannot be stored (a NUL character or a broken Unicode character)",
        [{ path: path || "(root)", message: "contains a NUL character or a broken Unicode character" }],
      );
    }
    return;
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) assertStorableJson(item, `${path}[${index}]`, depth + 1);
    return;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const childPath = path ? `${path}.${key}` : key;
      if (unstorable(key)) {
        throw badRequest("The request contains a field name that cannot be stored", [
          { path: path || "(root)", message: "a field name contains a NUL character or a broken Unicode character" },
        ]);
      }
      assertStorableJson(item, childPath, depth + 1);
    }
  }
}

import { ApiError, badRequest } from "./api-error";
import { assertStorableJson } from "./storable-json";

/** Bodies larger than this are refused before parsing (a plan request is a few KiB). */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * The request body as JSON: empty means `{}` ("use what the plan stores"),
 * too large is 413, not JSON is 400, text PostgreSQL cannot store or absurd
 * nesting is 400. Reads at most MAX_BODY_BYTES + 1 bytes.
 */
export async function readJsonBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return {};

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (true) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks)).trim();
  if (text === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw badRequest("The request body is not valid JSON");
  }
  assertStorableJson(parsed);
  return parsed;
}

function tooLarge(maxBytes: number) {
  return new ApiError(413, `The request body is larger than ${Math.round(maxBytes / 1024)} KiB`);
}

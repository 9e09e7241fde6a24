import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { databaseUnavailable, errorCode } from "@/server/database/unavailable";
import { redactSecrets } from "@/server/redact";
import { ApiError } from "./api-error";

type RouteContext<Params> = { params: Promise<Params> };

/**
 * Wraps a route handler so every failure has a JSON answer: ApiError becomes
 * its status and message; a database that cannot be reached (down,
 * restarting, connections terminated) is a 503 the client may retry;
 * anything else is logged with a request id and answered 500 with a generic
 * message that carries the id, never the cause.
 */
export function apiHandler<Params = Record<string, never>>(
  handler: (request: Request, params: Params) => Promise<Response>,
) {
  return async (request: Request, context: RouteContext<Params>): Promise<Response> => {
    try {
      return await handler(request, await context.params);
    } catch (error) {
      if (error instanceof ApiError) {
        return NextResponse.json(
          { error: error.message, ...(error.details === undefined ? {} : { details: error.details }) },
          { status: error.status, ...(error.headers ? { headers: error.headers } : {}) },
        );
      }
      const databaseRejection = clientDataRejectedByDatabase(error);
      if (databaseRejection) {
        return NextResponse.json({ error: databaseRejection }, { status: 400 });
      }
      if (databaseUnavailable(error)) {
        console.warn(
          `[api] ${request.method} ${new URL(request.url).pathname}: database unavailable (${errorCode(error)})`,
        );
        return NextResponse.json(
          { error: DATABASE_UNAVAILABLE_MESSAGE },
          { status: 503, headers: { "retry-after": String(DATABASE_RETRY_AFTER_SECONDS) } },
        );
      }
      const requestId = randomUUID();
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      console.error(
        `[api] request ${requestId} ${request.method} ${new URL(request.url).pathname} failed: ${redactSecrets(detail)}`,
      );
      return NextResponse.json(
        { error: `Something went wrong on our side (request id ${requestId})`, request_id: requestId },
        { status: 500 },
      );
    }
  };
}

/**
 * A backstop for input the validators let through but PostgreSQL refuses as
 * data (not as a fault): the client's to fix, so a 400, never a 500.
 */
function clientDataRejectedByDatabase(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case "22P05": // untranslatable character
    case "22021": // character not in repertoire
      return "The request contains text that cannot be stored";
    case "22001": // string data right truncation
      return "A value in the request is too long";
    case "22P02": // invalid text representation (2000.5 where a whole number is stored)
    case "22003": // numeric value out of range
      return "A number in the request is not valid for its field";
    case "54001": // statement too complex (e.g. absurd nesting)
      return "The request is too deeply nested";
    default:
      return undefined;
  }
}

export const DATABASE_UNAVAILABLE_MESSAGE = "The database is not reachable right now; try again in a few seconds";
const DATABASE_RETRY_AFTER_SECONDS = 5;

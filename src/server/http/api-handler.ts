import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { redactSecrets } from "../redact";
import { ApiError } from "./api-error";

type RouteContext<Params> = { params: Promise<Params> };

/**
 * Wraps a route handler so every failure has a JSON answer: ApiError becomes
 * its status and message; anything else is logged with a request id and
 * answered 500 with a generic message that carries the id, never the cause.
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
          { status: error.status },
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

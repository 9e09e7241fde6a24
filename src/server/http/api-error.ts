/** An error that is the client's to fix: it becomes `{ error, details? }` with its status. */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
    /** Headers the answer carries (Retry-After for a 429). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const unauthorized = (message = "Sign in to continue") => new ApiError(401, message);
export const notFound = (message = "Plan not found") => new ApiError(404, message);
export const badRequest = (message: string, details?: unknown) => new ApiError(400, message, details);

/**
 * An error no retry can mend (an invalid request, a day the plan does not
 * have, a key the provider rejected): the step stops at once, on either
 * engine. Engine-neutral; the Inngest binding turns it into Inngest's
 * NonRetriableError (binding/inngest-errors.ts), the inline runner gives up.
 */
export class FinalError extends Error {
  override name = "FinalError";
}

/**
 * Whether an error ends its step without a retry: ours, or Inngest's own
 * (by name: an error that crossed step.invoke keeps its name, not its class).
 */
export function isFinal(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  return error instanceof FinalError || name === "FinalError" || name === "NonRetriableError";
}

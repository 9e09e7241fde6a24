/**
 * The plan's stored inputs (or the request) cannot be turned into a plan spec.
 * Retrying cannot fix it, so the workflow should fail the run at once with
 * this message (it names the field and never contains secrets).
 */
export class PlanInputError extends Error {
  readonly retryable = false;
  constructor(message: string) {
    super(message);
    this.name = "PlanInputError";
  }
}

/**
 * Why a model answer (or a day built from it) cannot be used. Always
 * retryable: asking the model again is likely to give a usable answer.
 * A plain value, not an Error, so it survives JSON serialisation between
 * workflow steps; `message` is descriptive and never contains secrets.
 */
export type GenerationErrorCode =
  | "truncated"
  | "refused"
  | "no_json"
  | "invalid_json"
  | "invalid_shape"
  | "wrong_days"
  | "empty_day"
  | "implausible_calories"
  | "zero_calories"
  | "unreachable_calories";

export type GenerationError = { code: GenerationErrorCode; message: string; retryable: true };

export function generationError(code: GenerationErrorCode, message: string): GenerationError {
  return { code, message, retryable: true };
}

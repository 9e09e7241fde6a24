/** Why a model call failed, in the terms the workflow's retry policy needs. */
export type ModelCallErrorKind =
  | "rate_limited"
  | "overloaded"
  | "server_error"
  | "timeout"
  | "connection"
  | "invalid_request"
  | "authentication"
  | "permission"
  | "not_found"
  | "payload_too_large"
  | "billing"
  | "spend_limit"
  | "unknown";

/** Kinds a later attempt can fix by itself; everything else needs a human (key, billing, request). */
const RETRYABLE_MODEL_CALL_KINDS: ReadonlySet<ModelCallErrorKind> = new Set([
  "rate_limited",
  "overloaded",
  "server_error",
  "timeout",
  "connection",
]);

/**
 * A failed model call. The message is written for the coach-facing
 * generation_error: it names what happened ("Claude was overloaded (529)")
 * and never contains the API key, the prompt, or the provider's raw message.
 */
export class ModelCallError extends Error {
  readonly kind: ModelCallErrorKind;
  readonly retryable: boolean;
  /** How long the provider asked us to wait before retrying, when it said. */
  readonly retryAfterMs?: number;
  readonly status?: number;
  /** The provider's request id, safe to show and useful to support. */
  readonly requestId?: string;

  constructor(
    kind: ModelCallErrorKind,
    message: string,
    details: { status?: number; retryAfterMs?: number; requestId?: string; retryable?: boolean } = {},
  ) {
    super(message);
    this.name = "ModelCallError";
    this.kind = kind;
    this.retryable = details.retryable ?? RETRYABLE_MODEL_CALL_KINDS.has(kind);
    if (details.status !== undefined) this.status = details.status;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
    if (details.requestId !== undefined) this.requestId = details.requestId;
  }
}

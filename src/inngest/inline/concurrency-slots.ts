import type { ConcurrencyLimit } from "@/inngest/concurrency-limits";

/**
 * The inline runner's emulation of Inngest's concurrency limits
 * (concurrency-limits.ts): Inngest counts every executing step against every
 * limit whose key it matches (three parallel steps take three slots) and
 * steps over a limit wait, in order, until a slot frees.
 */

/** One slot a step must hold while it executes: which key value, and how many may hold it at once. */
export type SlotClaim = { slot: string; limit: number };

/**
 * The slots a step of a run takes: one per limit, keyed like Inngest keys
 * them (function-scoped limits per function, account-scoped ones shared).
 * Only the key forms Inngest would evaluate here are understood
 * (`event.data.<field>` and a quoted constant); anything else throws rather
 * than being silently ignored.
 */
export function slotClaims(
  limits: readonly ConcurrencyLimit[],
  functionId: string,
  eventData: Record<string, unknown>,
): SlotClaim[] {
  return limits.map((limit) => {
    const value = keyValue(limit.key, eventData);
    const scope = limit.scope ?? "fn";
    const owner = scope === "fn" ? `fn:${functionId}` : scope;
    return { slot: `${owner}|${limit.key}=${value}`, limit: limit.limit };
  });
}

function keyValue(key: string, eventData: Record<string, unknown>): string {
  const constant = /^"([^"]*)"$/.exec(key);
  if (constant) return constant[1] ?? "";
  const field = /^event\.data\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(key);
  if (field?.[1]) return JSON.stringify(eventData[field[1]] ?? null);
  throw new Error(`The inline runner cannot evaluate the concurrency key ${key}`);
}

/** Rounds of successful calls at a lowered ceiling before it rises by one (see succeeded). */
const PROBE_ROUNDS = 4;

type Waiter = { claims: readonly SlotClaim[]; grant: () => void };

export class StepCancelled extends Error {
  override name = "StepCancelled";
}

/**
 * Counting slots per key. A step is granted only when every slot it claims
 * has room; waiting steps are served in arrival order per key (a later step
 * never takes a slot an earlier waiting step is waiting for), while a step
 * that waits on one plan's key does not hold up other plans on the shared key.
 */
export class ConcurrencySlots {
  private readonly held = new Map<string, number>();
  private waiting: Waiter[] = [];
  /** Slots held below their limit since the provider answered 429: the ceiling, and successes since it last moved. */
  private readonly ceilings = new Map<string, { value: number; successes: number }>();

  /**
   * A call holding these slots met the provider's rate limit (429): the
   * provider took the calls in flight besides this one, so at most that many
   * (at least 1) may hold each slot from now on. Several 429s at once lower
   * it to what the provider let through, not to 1 by halving.
   */
  rateLimited(claims: readonly SlotClaim[]): void {
    for (const { slot, limit } of claims) {
      const current = this.limitOf({ slot, limit });
      this.ceilings.set(slot, { value: Math.max(1, Math.min(current, this.inUse(slot) - 1)), successes: 0 });
    }
  }

  /**
   * A call holding these slots succeeded: after PROBE_ROUNDS rounds of
   * calls at the ceiling without a 429, it rises by one, back to the
   * configured limit, so a provider limit that lifts is found again. Each
   * probe above the provider's limit costs one call a retry-after; probing
   * after every round met a 429 for nearly every call at a limit of 1.
   */
  succeeded(claims: readonly SlotClaim[]): void {
    for (const { slot, limit } of claims) {
      const ceiling = this.ceilings.get(slot);
      if (!ceiling) continue;
      ceiling.successes += 1;
      if (ceiling.successes < ceiling.value * PROBE_ROUNDS) continue;
      if (ceiling.value + 1 >= limit) this.ceilings.delete(slot);
      else this.ceilings.set(slot, { value: ceiling.value + 1, successes: 0 });
    }
    this.grantWhatFits();
  }

  /** How many may hold the slot now: its limit, or the lower ceiling 429s set. */
  limitOf({ slot, limit }: SlotClaim): number {
    return Math.min(limit, this.ceilings.get(slot)?.value ?? limit);
  }

  /** Runs `work` while holding every claimed slot, waiting for them first. */
  async hold<T>(claims: readonly SlotClaim[], work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(claims, signal);
    try {
      return await work();
    } finally {
      this.release(claims);
    }
  }

  /** Steps currently holding a slot (tests and benchmarks). */
  inUse(slot: string): number {
    return this.held.get(slot) ?? 0;
  }

  private acquire(claims: readonly SlotClaim[], signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(new StepCancelled("cancelled while waiting for a concurrency slot"));
      const waiter: Waiter = {
        claims,
        grant: () => {
          signal?.removeEventListener("abort", onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        this.waiting = this.waiting.filter((other) => other !== waiter);
        this.grantWhatFits();
        reject(new StepCancelled("cancelled while waiting for a concurrency slot"));
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.waiting.push(waiter);
      this.grantWhatFits();
    });
  }

  private release(claims: readonly SlotClaim[]): void {
    for (const { slot } of claims) {
      const count = this.inUse(slot) - 1;
      if (count > 0) this.held.set(slot, count);
      else this.held.delete(slot);
    }
    this.grantWhatFits();
  }

  private grantWhatFits(): void {
    // A key an earlier waiter could not get is reserved for it: no overtaking on that key.
    const reserved = new Set<string>();
    const stillWaiting: Waiter[] = [];
    for (const waiter of this.waiting) {
      const short = waiter.claims.filter(
        (claim) => reserved.has(claim.slot) || this.inUse(claim.slot) >= this.limitOf(claim),
      );
      if (short.length > 0) {
        for (const { slot } of short) reserved.add(slot);
        stillWaiting.push(waiter);
        continue;
      }
      for (const { slot } of waiter.claims) this.held.set(slot, this.inUse(slot) + 1);
      waiter.grant();
    }
    this.waiting = stillWaiting;
  }
}

import type { CatalogueFoodOption, PlanDay } from "@/ui/api/api-types";

/**
 * Sends one edit of a day (its route, method and body); the page shows the
 * day the server answers at once. Resolves to the error to show, or null.
 */
export type SendEdit = (path: string, method: "POST" | "PATCH" | "DELETE", body?: unknown) => Promise<string | null>;

/** The coach's edit controls; absent on the client's read-only shared view. */
export type DayEdit = {
  planId: string;
  /** Regenerate this day, or only its meal of this name (the page follows it and reloads the plan). */
  onRegenerate: (day: number, meal?: string) => void;
  /** This day is being regenerated: the phase, else null. */
  regeneratingPhase: string | null;
  /** One meal of this day is being regenerated: its name and phase, else null. */
  regeneratingMeal: { meal: string; phase: string } | null;
  /** Some edit or run holds the plan: buttons wait. */
  busy: boolean;
  /** Why the last regeneration of this day failed, else null. */
  failure: string | null;
  /** The meal whose regeneration failed (its error shows by that meal), else null. */
  failedMeal: string | null;
  /** Sends an edit of this day; the page shows the day the server answers. */
  send: SendEdit;
  /** Catalogue foods whose name has a word starting with the query, that this meal of the day may take. */
  searchFoods: (query: string, day: PlanDay, mealIndex: number) => CatalogueFoodOption[];
};

/** Where a regeneration is, in a coach's words. */
export function phaseWords(phase: string | null): string {
  switch (phase) {
    case "planning":
      return "choosing foods";
    case "scaling":
    case "deduplicating":
    case "balancing":
      return "fitting the day's targets";
    case "saving":
    case "done":
      return "saving";
    default:
      return "waiting to start";
  }
}

import type { CatalogueFood } from "@/generation/catalogue/catalogue";
import { DEFAULT_GENERATION_CONFIG, type GenerationConfig } from "@/generation/generation-config";
import type { PlanSpec } from "@/generation/intake/plan-spec";
import type { PlannedDay } from "@/generation/nutrition/planned-day";
import type { GenerationError } from "@/generation/shared/generation-error";
import { balanceDay, type MacroMiss } from "./balance-day";
import { scaleDay } from "./scale-calories";

export type ResolvedDay = { ok: true; day: PlannedDay; miss: MacroMiss | null } | { ok: false; error: GenerationError };

/**
 * Re-solves one day's grams to the plan's targets after a coach's edit, as the
 * workflow's `scale` and `balance` steps do: first onto the calorie target,
 * then the balance step's program onto the macro split as well. The coach
 * chose the foods, so none is dropped or brought in (keepFoods): a day whose
 * foods cannot reach the split keeps its calories and says by how much it
 * misses, and why.
 */
export async function resolveDayPortions(
  day: PlannedDay,
  foods: ReadonlyMap<string, CatalogueFood>,
  spec: Pick<PlanSpec, "calorieTarget" | "macroSplit">,
  config: GenerationConfig = DEFAULT_GENERATION_CONFIG,
): Promise<ResolvedDay> {
  const scaled = scaleDay(day, foods, spec.calorieTarget, config);
  if (!scaled.ok) return scaled;
  // An unsolved day comes back unchanged (the scaled day), with its miss.
  const balanced = await balanceDay(scaled.day, foods, spec, { keepFoods: true, config });
  return { ok: true, day: balanced.day, miss: balanced.miss };
}

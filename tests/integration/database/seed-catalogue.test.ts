import { describe, expect, it } from "vitest";
import { hardRange, naturalRange } from "@/generation/adjust/balance-day";
import { loadLinearProgramSolver } from "@/generation/adjust/linear-program";
import { macroGramsOf, solvePortionProgram } from "@/generation/adjust/portion-program";
import {
  ALLERGENS,
  type Allergen,
  CATALOGUE_COLUMNS,
  type CatalogueFood,
  CatalogueFoodSchema,
  DIETS,
  type Diet,
} from "@/generation/catalogue/catalogue";
import { fitsRestrictions } from "@/generation/catalogue/food-restrictions";
import { selectCandidates } from "@/generation/catalogue/select-candidates";
import type { MacroSplit } from "@/generation/generation-config";
import { worstMacroPoints } from "@/generation/nutrition/macros";
import { db } from "@/server/database/index";
import { DEMO_COACH_EMAIL, DEMO_ORG_ID, OTHER_COACH_EMAIL, OTHER_ORG_ID } from "../../support/seed-ids";

/** The global catalogue, read through the same schema the workflow parses foods with. */
async function globalFoods(): Promise<CatalogueFood[]> {
  const rows = await db()`select ${db()(CATALOGUE_COLUMNS)} from foods where org_id is null`;
  return rows.map((row) => CatalogueFoodSchema.parse(row));
}

function allowedFor(foods: CatalogueFood[], diet: Diet, allergies: Allergen[]) {
  return foods.filter((food) => fitsRestrictions(food, { diet: [diet], allergies }));
}

function distinctFamilies(foods: CatalogueFood[], group: string) {
  return new Set(foods.filter((food) => food.food_group === group).map((food) => food.family)).size;
}

describe("seed data", () => {
  it("has the two demo orgs, each with its coach and a client", async () => {
    const rows = await db()<{ name: string; email: string; clients: number }[]>`
      select o.name, u.email, (select count(*) from clients c where c.org_id = o.id)::int as clients
      from orgs o join org_members m on m.org_id = o.id join auth.users u on u.id = m.user_id
      where o.id in (${DEMO_ORG_ID}, ${OTHER_ORG_ID}) order by o.name`;
    expect(rows).toEqual([
      { name: "Demo Coaching", email: DEMO_COACH_EMAIL, clients: 1 },
      { name: "Other Gym", email: OTHER_COACH_EMAIL, clients: 1 },
    ]);
  });

  it("has at least 150 global foods covering every food group", async () => {
    const foods = await globalFoods();
    expect(foods.length).toBeGreaterThanOrEqual(150);
    const groups = new Set(foods.map((food) => food.food_group));
    expect([...groups].sort()).toEqual([
      "breakfast",
      "dairy",
      "fat",
      "fruit",
      "protein",
      "snack",
      "starch",
      "vegetable",
    ]);
  });

  it("has energy consistent with its macros (Atwater, fibre-adjusted) within 15 % for every food", async () => {
    const inconsistent = (await globalFoods()).filter((food) => {
      const plain = 4 * food.protein_per_100g + 4 * food.carbs_per_100g + 9 * food.fat_per_100g;
      const fibreAdjusted =
        4 * food.protein_per_100g +
        4 * (food.carbs_per_100g - food.fibre_per_100g) +
        2 * food.fibre_per_100g +
        9 * food.fat_per_100g;
      const within = (estimate: number) =>
        Math.abs(estimate - food.kcal_per_100g) <= 0.15 * Math.max(food.kcal_per_100g, 20);
      return !within(plain) && !within(fibreAdjusted);
    });
    expect(inconsistent.map((food) => food.name)).toEqual([]);
  });

  it("never tags a food as fitting a diet its allergens contradict", async () => {
    const contradictions = (await globalFoods()).filter(
      (food) =>
        (food.allergens.includes("gluten") && food.diet_tags.includes("gluten_free")) ||
        (food.allergens.includes("dairy") && food.diet_tags.includes("dairy_free")) ||
        ((food.allergens.includes("fish") || food.allergens.includes("shellfish")) &&
          food.diet_tags.includes("vegetarian")) ||
        (food.diet_tags.includes("vegan") && (food.allergens.includes("dairy") || food.allergens.includes("egg"))),
    );
    expect(contradictions.map((food) => food.name)).toEqual([]);
  });

  const hardCases: [Diet, Allergen[]][] = [
    ...DIETS.flatMap((diet) => ALLERGENS.map((allergy): [Diet, Allergen[]] => [diet, [allergy]])),
    ["vegan", ["peanut", "tree_nut", "gluten"]],
  ];

  it.each(hardCases)("keeps a varied week possible for a %s plan avoiding %j", async (diet, allergies) => {
    const allowed = allowedFor(await globalFoods(), diet, allergies);
    expect(distinctFamilies(allowed, "protein")).toBeGreaterThanOrEqual(3);
    expect(distinctFamilies(allowed, "starch")).toBeGreaterThanOrEqual(3);
    expect(distinctFamilies(allowed, "vegetable")).toBeGreaterThanOrEqual(3);
  });

  const splits: [string, MacroSplit][] = [
    ["30/40/30", { protein_pct: 30, carb_pct: 40, fat_pct: 30 }],
    ["40/35/25", { protein_pct: 40, carb_pct: 35, fat_pct: 25 }],
  ];
  const macroCases = hardCases.flatMap(([diet, allergies]) =>
    splits.map(([label, split]): [Diet, Allergen[], string, MacroSplit] => [diet, allergies, label, split]),
  );

  it.each(macroCases)(
    "can plan a 2,000 kcal day of a %s plan avoiding %j on a %s split from the foods the model is offered",
    async (diet, allergies, _label, split) => {
      // The candidate list a run sends the model (and balance may draw from), each food between none and its
      // largest balanced portion: the day's LP must reach the calories and every macro within 5 points.
      const candidates = selectCandidates(
        await globalFoods(),
        { diet: [diet], allergies, macroSplit: split },
        {
          seed: "seed-consistency",
        },
      );
      // Any of them may be brought in, each within its portion bounds: the day's program must reach the
      // calories and every macro within 5 points.
      const slots = candidates.map((food) => ({
        food,
        meal: 0,
        kind: "addable" as const,
        preferredGrams: food.default_portion_g,
        bounds: hardRange(food),
        natural: naturalRange(food),
      }));
      const solution = solvePortionProgram(
        {
          slots,
          meals: [{ energyShare: 1, maxEnergyShare: 1, usefulProtein: 0, starchRequired: false }],
          calorieTarget: 2000,
          macroSplit: split,
          calorieBand: 0.01,
          macroAimPoints: 3,
        },
        await loadLinearProgramSolver(),
      );
      expect(solution.status).toBe("solved");
      if (solution.status === "solved") {
        expect(worstMacroPoints(macroGramsOf(slots, solution.grams), split)).toBeLessThanOrEqual(5);
      }
    },
  );
});

import { describe, expect, it } from "vitest";
import { selectCandidates } from "@/generation/catalogue/select-candidates";
import { suitsMeal } from "@/generation/meals/plate";
import { isFatDense, weekMenu } from "@/generation/meals/week-menu";
import { realisticCatalogue } from "../../support/food-factory";

const catalogue = realisticCatalogue();
/** A fat a lunch or dinner is cooked with: nearly all fat (oil, butter), served at both. */
const cookingFats = (menu: readonly { plate_role: string; meal_types: string[] }[]) =>
  menu.filter(
    (food) =>
      food.plate_role === "fat" &&
      isFatDense(food as never) &&
      suitsMeal(food as never, "lunch") &&
      suitsMeal(food as never, "dinner"),
  );

describe("a week's menu", () => {
  it("holds a cooking fat for the main meals every week, so a big day's fat share is not left to seeds", () => {
    for (const seed of ["plan-1", "plan-2", "plan-3"]) {
      const candidates = selectCandidates(catalogue, { diet: [], allergies: [] }, { seed });
      for (const week of [0, 1, 2, 3]) {
        expect(cookingFats(weekMenu(candidates, week, 30, seed)).length, `${seed} week ${week + 1}`).toBeGreaterThan(0);
        expect(cookingFats(weekMenu(candidates, week, 15, seed)).length, `${seed} week ${week + 1}`).toBeGreaterThan(0);
      }
    }
  });

  it("holds a protein-rich breakfast side every week, so a breakfast reaches its protein at natural portions", () => {
    for (const seed of Array.from({ length: 12 }, (_, i) => `plan-${i}`)) {
      const candidates = selectCandidates(catalogue, { diet: [], allergies: [] }, { seed });
      for (const week of [0, 1, 2, 3]) {
        const sides = weekMenu(candidates, week, 30, seed).filter(
          (food) =>
            food.plate_role === "protein_side" &&
            suitsMeal(food, "breakfast") &&
            (food.protein_per_100g * 4) / food.kcal_per_100g >= 0.3,
        );
        expect(sides.length, `${seed} week ${week + 1}`).toBeGreaterThanOrEqual(2);
      }
    }
  });
});

import { describe, expect, it } from "vitest";
import { type CatalogueFood, FOOD_GROUPS, familyKey } from "@/generation/catalogue/catalogue";
import { fitsRestrictions } from "@/generation/catalogue/food-restrictions";
import { selectCandidates, TARGET_GROUPS } from "@/generation/catalogue/select-candidates";
import { coverage, meetsNeed } from "@/generation/meals/week-menu";
import { makeFood, realisticCatalogue } from "../../support/food-factory";

const catalogue = realisticCatalogue();
const none = { diet: [], allergies: [] };

describe("candidate selection", () => {
  it("takes at least TARGET_GROUPS foods of each group, more only where a meal pattern needs them", () => {
    const candidates = selectCandidates(catalogue, none, { seed: "plan-1" });
    for (const group of FOOD_GROUPS) {
      const available = catalogue.filter((food) => food.food_group === group).length;
      expect(candidates.filter((food) => food.food_group === group).length).toBeGreaterThanOrEqual(
        Math.min(TARGET_GROUPS[group], available),
      );
    }
    expect(candidates.length).toBeLessThanOrEqual(Object.values(TARGET_GROUPS).reduce((a, b) => a + b, 0) + 8);
  });

  it("holds every need of the meal patterns the diet allows: a breakfast protein, two lunch and dinner starches and vegetables", () => {
    for (const diet of [[], ["vegan" as const]]) {
      const restrictions = { diet, allergies: [] };
      const allowed = catalogue.filter((food) => fitsRestrictions(food, restrictions));
      for (const seed of ["plan-1", "plan-2", "plan-3"]) {
        const candidates = selectCandidates(catalogue, restrictions, { seed });
        for (const need of coverage(30)) {
          const meeting = candidates.filter((food) => meetsNeed(food, need));
          // A vegan catalogue has no protein-rich breakfast side (eggs, cottage cheese): that need goes unmet.
          const possible = allowed.filter((food) => meetsNeed(food, need)).length;
          expect(
            meeting.length,
            `${diet.join(",") || "omnivore"}: ${need.type} ${need.role}${need.rich ? ` (rich in ${need.rich})` : ""}`,
          ).toBeGreaterThanOrEqual(Math.min(need.count, possible));
        }
      }
    }
  });

  it("leans a keto plan's list toward fat: fat-rich proteins and dairy first, fats in place of most starches", () => {
    const fatShare = (food: CatalogueFood) =>
      (food.fat_per_100g * 9) / (food.protein_per_100g * 4 + food.carbs_per_100g * 4 + food.fat_per_100g * 9);
    const keto = { ...none, macroSplit: { protein_pct: 25, carb_pct: 5, fat_pct: 70 } };
    const usual = { ...none, macroSplit: { protein_pct: 30, carb_pct: 40, fat_pct: 30 } };
    for (const seed of ["plan-1", "plan-2", "plan-3"]) {
      const forKeto = selectCandidates(catalogue, keto, { seed });
      const forUsual = selectCandidates(catalogue, usual, { seed });
      const ofGroup = (list: CatalogueFood[], group: string) => list.filter((food) => food.food_group === group);
      const fatRich = (list: CatalogueFood[]) => list.filter((food) => fatShare(food) >= 0.45).length;
      for (const group of ["protein", "dairy"]) {
        expect(fatRich(ofGroup(forKeto, group)), `${seed} ${group}`).toBeGreaterThan(fatRich(ofGroup(forUsual, group)));
      }
      expect(ofGroup(forKeto, "fat").length).toBeGreaterThan(ofGroup(forUsual, "fat").length);
      expect(ofGroup(forKeto, "starch").length).toBeLessThan(ofGroup(forUsual, "starch").length);
    }
  });

  it("applies diet and allergies before choosing, so no slot goes to a forbidden food", () => {
    const restrictions = {
      diet: ["vegan" as const],
      allergies: ["soy" as const, "peanut" as const, "tree_nut" as const],
    };
    const candidates = selectCandidates(catalogue, restrictions, { seed: "plan-1" });
    expect(candidates.length).toBeGreaterThan(30);
    expect(candidates.every((food) => fitsRestrictions(food, restrictions))).toBe(true);
  });

  it("takes at most two foods of a family", () => {
    const chickens = Array.from({ length: 6 }, (_, i) => makeFood({ name: `Chicken ${i}`, family: "chicken" }));
    const others = Array.from({ length: 6 }, () => makeFood());
    const candidates = selectCandidates([...chickens, ...others], none, { seed: "s" });
    const protein = candidates.filter((food) => food.food_group === "protein");
    // 2 chickens (capped) + 6 others, short of the 10 wanted: the cap wins over the target.
    expect(protein).toHaveLength(8);
    expect(protein.filter((food) => familyKey(food) === "chicken")).toHaveLength(2);
  });

  it("prefers one food per family before a second of the same family", () => {
    const chickens = Array.from({ length: 4 }, () => makeFood({ family: "Chicken" }));
    const beef = Array.from({ length: 4 }, () => makeFood({ family: "beef" }));
    const fish = makeFood({ family: "fish" });
    const candidates = selectCandidates([...chickens, ...beef, fish], none, {
      seed: "s",
      targetGroups: { ...TARGET_GROUPS, protein: 3 },
    });
    expect(new Set(candidates.map(familyKey))).toEqual(new Set(["chicken", "beef", "fish"]));
  });

  it("is deterministic for a seed, and another seed gives another menu", () => {
    const a = selectCandidates(catalogue, none, { seed: "generation-a" }).map((food) => food.id);
    const again = selectCandidates([...catalogue].reverse(), none, { seed: "generation-a" }).map((food) => food.id);
    const b = selectCandidates(catalogue, none, { seed: "generation-b" }).map((food) => food.id);
    expect(again).toEqual(a);
    expect(b).not.toEqual(a);
  });

  it("lists candidates by group then name so the prompt is stable", () => {
    const candidates = selectCandidates(catalogue, none, { seed: "x" });
    const order = (food: CatalogueFood) => FOOD_GROUPS.indexOf(food.food_group);
    for (let i = 1; i < candidates.length; i++) {
      const [prev, next] = [candidates[i - 1] as CatalogueFood, candidates[i] as CatalogueFood];
      expect(
        order(prev) < order(next) || (order(prev) === order(next) && prev.name.localeCompare(next.name) <= 0),
      ).toBe(true);
    }
  });

  it("ignores duplicate rows", () => {
    const food = makeFood();
    expect(selectCandidates([food, food], none, { seed: "s" })).toEqual([food]);
  });
});

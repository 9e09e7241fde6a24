import { describe, expect, it } from "vitest";
import {
  chooseFood,
  firstChoosable,
  MAX_DISLIKED_FOODS,
  MAX_SHOWN_MATCHES,
  moveActive,
  type PickerContext,
  searchFoods,
  unchooseFood,
} from "@/ui/plan-form/disliked-foods";
import { foodNamed, makeFood, realisticCatalogue } from "../../support/food-factory";

const catalogue = realisticCatalogue();
const nothingChosen: PickerContext = { chosenIds: [], diet: [], allergies: [] };
const names = (search: ReturnType<typeof searchFoods>) => search.matches.map((match) => match.food.name);

describe("searching the catalogue for a disliked food", () => {
  it("matches the start of a word of the name in any case, ignoring the spaces around what was typed", () => {
    const found = names(searchFoods(catalogue, "  SALMON ", nothingChosen));
    expect(found.length).toBeGreaterThan(1);
    expect(found.every((name) => name.toLowerCase().includes("salmon"))).toBe(true);
    expect(found).toContain("Salmon, Atlantic, farmed, cooked, dry heat");
    expect(names(searchFoods(catalogue, "atlantic, WILD", nothingChosen))).toEqual([
      "Salmon, Atlantic, wild, cooked, dry heat",
    ]);
  });

  it('finds a word by its start, not by letters inside a word: "ric" finds rice, not licorice', () => {
    const foods = [
      makeFood({ name: "Brown rice, cooked" }),
      makeFood({ name: "Rice cakes, brown rice, plain" }),
      makeFood({ name: "Licorice" }),
      makeFood({ name: "Apricots, dried" }),
    ];
    expect(names(searchFoods(foods, "ric", nothingChosen))).toEqual([
      "Rice cakes, brown rice, plain",
      "Brown rice, cooked",
    ]);
    expect(names(searchFoods(foods, "brown ri", nothingChosen))).toEqual([
      "Brown rice, cooked",
      "Rice cakes, brown rice, plain",
    ]);
  });

  it("lists nothing before anything is typed, and nothing for a name the catalogue lacks", () => {
    expect(searchFoods(catalogue, "   ", nothingChosen)).toEqual({ matches: [], total: 0 });
    expect(searchFoods(catalogue, "dragonfruit sorbet", nothingChosen)).toEqual({ matches: [], total: 0 });
  });

  it("puts names that start with the text first, then the rest, each by name", () => {
    const foods = [
      makeFood({ name: "Smoked salmon" }),
      makeFood({ name: "Salmon, wild" }),
      makeFood({ name: "bagel with salmon" }),
      makeFood({ name: "Salmonberry jam" }),
      makeFood({ name: "Salmon, farmed" }),
    ];
    expect(names(searchFoods(foods, "salmon", nothingChosen))).toEqual([
      "Salmon, farmed",
      "Salmon, wild",
      "Salmonberry jam",
      "bagel with salmon",
      "Smoked salmon",
    ]);
  });

  it("shows at most a dozen matches and counts them all", () => {
    const search = searchFoods(catalogue, "a", nothingChosen);
    expect(search.matches).toHaveLength(MAX_SHOWN_MATCHES);
    expect(search.total).toBe(catalogue.filter((food) => /(^|[^\p{L}\p{N}])a/iu.test(food.name)).length);
    expect(search.total).toBeGreaterThan(MAX_SHOWN_MATCHES);
  });

  it("leaves out foods already chosen, and greys their family with the reason", () => {
    const farmed = foodNamed(catalogue, "Salmon, Atlantic, farmed, cooked, dry heat");
    const search = searchFoods(catalogue, "salmon", { ...nothingChosen, chosenIds: [farmed.id] });
    expect(names(search)).not.toContain(farmed.name);
    const wild = search.matches.find((match) => match.food.name === "Salmon, Atlantic, wild, cooked, dry heat");
    expect(wild?.leftOutBecause).toBe("Left out already with Salmon, Atlantic, farmed, cooked, dry heat (same family)");
  });

  it("greys foods the ticked diet or allergies leave out already, after the foods that can be added", () => {
    const foods = [
      makeFood({ name: "Almond butter", allergens: ["tree_nut"] }),
      makeFood({ name: "Almond milk, unsweetened", allergens: ["tree_nut"] }),
      makeFood({ name: "Almond-crusted chicken", diet_tags: ["gluten_free"] }),
      makeFood({ name: "Almondine green beans" }),
    ];
    const search = searchFoods(foods, "almond", { chosenIds: [], diet: ["vegan"], allergies: ["tree_nut"] });
    expect(search.matches.map((match) => [match.food.name, match.leftOutBecause])).toEqual([
      ["Almondine green beans", null],
      ["Almond butter", "Left out already by the diet or allergies"],
      ["Almond milk, unsweetened", "Left out already by the diet or allergies"],
      ["Almond-crusted chicken", "Left out already by the diet or allergies"],
    ]);
    expect(firstChoosable(search.matches)).toBe(0);
  });
});

describe("the chosen list", () => {
  it("adds a food at the end once, and removes it", () => {
    const once = chooseFood(["a"], "b");
    expect(once).toEqual(["a", "b"]);
    expect(chooseFood(once, "a")).toEqual(["a", "b"]);
    expect(unchooseFood(once, "a")).toEqual(["b"]);
    expect(unchooseFood(once, "z")).toEqual(["a", "b"]);
  });

  it(`holds at most the API's ${MAX_DISLIKED_FOODS} foods`, () => {
    let chosen: string[] = [];
    for (let index = 0; index < MAX_DISLIKED_FOODS + 5; index += 1) chosen = chooseFood(chosen, `food-${index}`);
    expect(chosen).toHaveLength(MAX_DISLIKED_FOODS);
    expect(chosen.at(-1)).toBe(`food-${MAX_DISLIKED_FOODS - 1}`);
    expect(chooseFood(unchooseFood(chosen, "food-0"), "late")).toHaveLength(MAX_DISLIKED_FOODS);
  });
});

describe("moving through the matches with the arrow keys", () => {
  const match = (addable: boolean) => ({ food: makeFood(), leftOutBecause: addable ? null : "left out" });
  const matches = [match(true), match(false), match(true), match(false)];

  it("goes down and up over the foods that can be added, wrapping round", () => {
    expect(moveActive(matches, -1, 1)).toBe(0);
    expect(moveActive(matches, 0, 1)).toBe(2);
    expect(moveActive(matches, 2, 1)).toBe(0);
    expect(moveActive(matches, -1, -1)).toBe(2);
    expect(moveActive(matches, 0, -1)).toBe(2);
  });

  it("finds nothing to move to when no match can be added", () => {
    expect(moveActive([match(false)], -1, 1)).toBe(-1);
    expect(moveActive([], -1, -1)).toBe(-1);
    expect(firstChoosable([match(false)])).toBe(-1);
  });
});

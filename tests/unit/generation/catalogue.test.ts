import { describe, expect, it } from "vitest";
import { CatalogueFoodSchema, familyKey, indexFoodsById } from "@/generation/catalogue/catalogue";
import { fitsRestrictions, restrictionViolations } from "@/generation/catalogue/food-restrictions";
import { makeFood, realisticCatalogue } from "../../support/food-factory";

describe("a catalogue row from Postgres", () => {
  const row = {
    id: "f00d0000-0000-4000-8000-000000000001",
    name: "Rolled oats",
    food_group: "breakfast",
    family: "oats",
    kcal_per_100g: "379.0",
    protein_per_100g: "13.2",
    carbs_per_100g: "67.7",
    fat_per_100g: "6.5",
    fibre_per_100g: "10.1",
    default_portion_g: "60.0",
    diet_tags: ["vegan", "vegetarian"],
    allergens: ["gluten"],
  };

  it("turns numeric strings into numbers", () => {
    const food = CatalogueFoodSchema.parse(row);
    expect(food.kcal_per_100g).toBe(379);
    expect(food.default_portion_g).toBe(60);
  });

  it("defaults fibre and the tag lists when they are absent", () => {
    const { fibre_per_100g: _f, diet_tags: _d, allergens: _a, ...rest } = row;
    const food = CatalogueFoodSchema.parse(rest);
    expect(food).toMatchObject({ fibre_per_100g: 0, diet_tags: [], allergens: [] });
  });

  it("rejects null or empty numbers instead of reading them as zero", () => {
    expect(CatalogueFoodSchema.safeParse({ ...row, kcal_per_100g: null }).success).toBe(false);
    expect(CatalogueFoodSchema.safeParse({ ...row, kcal_per_100g: "" }).success).toBe(false);
    expect(CatalogueFoodSchema.safeParse({ ...row, kcal_per_100g: "abc" }).success).toBe(false);
  });

  it("rejects unknown groups, diets and allergens", () => {
    expect(CatalogueFoodSchema.safeParse({ ...row, food_group: "dessert" }).success).toBe(false);
    expect(CatalogueFoodSchema.safeParse({ ...row, diet_tags: ["keto"] }).success).toBe(false);
    expect(CatalogueFoodSchema.safeParse({ ...row, allergens: ["nuts"] }).success).toBe(false);
  });

  it("parses the whole realistic test catalogue", () => {
    expect(realisticCatalogue().length).toBeGreaterThan(90);
  });
});

describe("restrictions", () => {
  const tofu = makeFood({
    diet_tags: ["vegan", "vegetarian", "pescatarian", "gluten_free", "dairy_free"],
    allergens: ["soy"],
  });
  const chicken = makeFood({ diet_tags: ["gluten_free", "dairy_free"], allergens: [] });

  it("allows a food tagged with every diet of the plan", () => {
    expect(fitsRestrictions(tofu, { diet: ["vegan", "gluten_free"], allergies: [] })).toBe(true);
  });

  it("rejects a food missing one of the plan's diets", () => {
    expect(fitsRestrictions(chicken, { diet: ["vegetarian"], allergies: [] })).toBe(false);
    expect(restrictionViolations(chicken, { diet: ["vegetarian", "gluten_free"], allergies: [] })).toEqual([
      "not vegetarian",
    ]);
  });

  it("rejects a food carrying one of the client's allergies", () => {
    expect(fitsRestrictions(tofu, { diet: [], allergies: ["peanut", "soy"] })).toBe(false);
    expect(restrictionViolations(tofu, { diet: [], allergies: ["soy"] })).toEqual(["contains soy"]);
  });

  it("allows anything when the plan has no restrictions", () => {
    expect(fitsRestrictions(chicken, { diet: [], allergies: [] })).toBe(true);
  });
});

describe("food lookups", () => {
  it("index foods by id", () => {
    const food = makeFood();
    expect(indexFoodsById([food]).get(food.id)).toBe(food);
  });

  it("compare families ignoring case and surrounding spaces", () => {
    expect(familyKey({ family: " Chicken " })).toBe(familyKey({ family: "chicken" }));
  });
});

import { describe, expect, it } from "vitest";
import { parseLegacyRestrictions } from "@/generation/intake/legacy-restrictions";

const parse = (text: string) => {
  const { diet, allergies } = parseLegacyRestrictions(text);
  return { diet: [...diet].sort(), allergies: [...allergies].sort() };
};

describe("legacy dietary_restrictions text", () => {
  it.each([
    ["vegan", ["vegan"]],
    ["Vegetarian", ["vegetarian"]],
    ["veggie", ["vegetarian"]],
    ["pescatarian", ["pescatarian"]],
    ["pescetarian", ["pescatarian"]],
    ["gluten-free", ["gluten_free"]],
    ["Gluten free please", ["gluten_free"]],
    ["dairy-free", ["dairy_free"]],
    ["lactose intolerant", ["dairy_free"]],
  ])("reads the diet in %j", (text, diet) => {
    expect(parse(text).diet).toEqual(diet);
  });

  it.each([
    ["nut allergy", ["peanut", "tree_nut"]],
    ["no nuts", ["peanut", "tree_nut"]],
    ["nut-free", ["peanut", "tree_nut"]],
    ["peanut allergy", ["peanut"]],
    ["peanuts", ["peanut"]],
    ["tree nut allergy", ["tree_nut"]],
    ["allergic to almonds", ["tree_nut"]],
    ["shellfish", ["shellfish"]],
    ["no prawns", ["shellfish"]],
    ["sesame", ["sesame"]],
    ["coeliac", ["gluten"]],
    ["allergic to eggs and dairy", ["dairy", "egg"]],
    ["fish allergy", ["fish"]],
    ["avoid soy", ["soy"]],
    ["lactose intolerant", ["dairy"]],
  ])("reads the allergies in %j", (text, allergies) => {
    expect(parse(text).allergies).toEqual(allergies);
  });

  it("does not turn foods mentioned positively into allergies", () => {
    expect(parse("pescatarian, eats fish")).toEqual({ diet: ["pescatarian"], allergies: [] });
    expect(parse("vegetarian but eats eggs and dairy")).toEqual({ diet: ["vegetarian"], allergies: [] });
  });

  it("does not read 'coconut' or 'nutmeg' as nuts, nor shellfish as fish", () => {
    expect(parse("loves coconut and nutmeg").allergies).toEqual([]);
    expect(parse("no shellfish").allergies).toEqual(["shellfish"]);
  });

  it("combines several restrictions in one text", () => {
    expect(parse("Vegetarian; gluten-free. Severe peanut allergy")).toEqual({
      diet: ["gluten_free", "vegetarian"],
      allergies: ["gluten", "peanut"],
    });
  });

  it("restricts nothing for unrecognised text", () => {
    expect(parse("likes spicy food, hates coriander")).toEqual({ diet: [], allergies: [] });
    expect(parse("")).toEqual({ diet: [], allergies: [] });
  });
});

import { describe, expect, it } from "vitest";
import { servedFoodName } from "@/generation/meals/served-name";

describe("a food's name on the client's copy", () => {
  it.each([
    ["Amaranth, cooked", "Amaranth (cooked)"],
    ["Chicken breast, meat only, roasted", "Chicken breast (cooked)"],
    ["Salmon, Atlantic, farmed, cooked, dry heat", "Atlantic salmon (cooked)"],
    ["Lentils, cooked, boiled", "Lentils (cooked)"],
    ["Potatoes, baked, flesh and skin", "Potatoes (cooked)"],
    ["Oats, rolled, dry", "Rolled oats (dry)"],
    ["Textured soy protein (TVP), dry", "Textured soy protein (dry)"],
  ])("says the state its grams are weighed in: %s → %s", (name, served) => {
    expect(servedFoodName({ name })).toBe(served);
  });

  it.each([
    ["Egg, whole, poached", "Poached egg"],
    ["Egg, whole, hard-boiled", "Hard-boiled egg"],
    ["Tofu, regular, raw", "Tofu"],
    ["Pancakes, plain, prepared from recipe", "Pancakes"],
    ["Cabbage, green, raw", "Green cabbage"],
  ])("says it once, or not at all for what is eaten as bought: %s → %s", (name, served) => {
    expect(servedFoodName({ name })).toBe(served);
  });
});

import { describe, expect, it } from "vitest";
import { type EditableDay, editDay } from "@/generation/adjust/edit-day";
import { indexFoodsById } from "@/generation/catalogue/catalogue";
import { foodNamed, makeDay, makeSpec, realisticCatalogue } from "../../support/food-factory";

const catalogue = realisticCatalogue();
const foods = indexFoodsById(catalogue);
const food = (name: string) => foodNamed(catalogue, name);

/** A day as the editor holds it: items with ids, the first lunch item locked at a grams far from where balance would put it. */
function lockedDay(): EditableDay {
  const day = makeDay(1, {
    Breakfast: [
      [food("Oats, rolled, dry"), 60],
      [food("Greek yogurt, plain, nonfat"), 200],
    ],
    Lunch: [
      [food("Rice, white, long-grain, cooked"), 90],
      [food("Chicken breast, meat only, roasted"), 150],
      [food("Broccoli, raw"), 100],
    ],
    Dinner: [
      [food("Salmon, Atlantic, farmed, cooked, dry heat"), 150],
      [food("Potatoes, boiled, without skin"), 200],
      [food("Spinach, raw"), 80],
    ],
  });
  return {
    day: 1,
    meals: day.meals.map((meal, m) => ({
      ...meal,
      items: meal.items.map((item, i) => ({ ...item, id: `item-${m}-${i}`, locked: meal.name === "Lunch" && i === 0 })),
    })),
  };
}

describe("rebalancing a day by hand", () => {
  it("keeps a locked item's food and grams while the rest moves onto the targets", async () => {
    const spec = { ...makeSpec(), calorieTarget: 2600 };
    const result = await editDay(lockedDay(), { kind: "rebalance" }, foods, spec);
    if (!result.ok) throw new Error(result.refusal.message);
    const lunch = result.day.meals.find((meal) => meal.name === "Lunch");
    expect(lunch?.items[0]).toMatchObject({ id: "item-1-0", grams: 90, locked: true });
    // The day did move: its other portions grew toward the larger target.
    const total = result.day.meals.flatMap((meal) => meal.items).reduce((sum, item) => sum + item.kcal, 0);
    expect(total).toBeGreaterThan(2400);
  });
});

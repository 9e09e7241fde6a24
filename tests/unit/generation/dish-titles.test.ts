import { describe, expect, it } from "vitest";
import { deriveDish } from "@/generation/meals/dish-titles";
import { foodNamed, realisticCatalogue } from "../../support/food-factory";

const catalogue = realisticCatalogue();
const foods = (...names: string[]) => names.map((name) => foodNamed(catalogue, name));

describe("a dish title derived from the meal's foods", () => {
  it("never names a protein powder beside real food, though the preparation still lists it", () => {
    const breakfast = deriveDish(
      "breakfast",
      foods("Greek yogurt, plain, nonfat", "Whey protein powder, unflavoured", "Oats, rolled, dry", "Banana, raw"),
    );
    expect(breakfast.title).not.toMatch(/protein powder/i);
    expect(breakfast.title).toMatch(/^Greek yogurt with /);
    expect(breakfast.preparation).toMatch(/whey protein powder/i);
  });

  it("cooks the lead with an oil or butter, and serves tahini or avocado beside it", () => {
    const withTahini = deriveDish(
      "dinner",
      foods("Tofu, firm, raw", "Quinoa, cooked", "Broccoli, raw", "Tahini (sesame butter)"),
    );
    expect(withTahini.preparation).not.toMatch(/with the tahini;/);
    expect(withTahini.preparation).toMatch(/^Cook the firm tofu; serve with the .*tahini/i);
    const withOil = deriveDish(
      "lunch",
      foods("Chicken breast, meat only, roasted", "Rice, white, long-grain, cooked", "Olive oil"),
    );
    expect(withOil.preparation).toMatch(/^Cook the chicken breast with the olive oil; serve with the/);
  });
});

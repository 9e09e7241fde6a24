import type { CatalogueFood } from "@/generation/catalogue/catalogue";
import { shortFoodName } from "./meal-patterns";

/** Catalogue qualifiers that say the grams are weighed cooked. */
const COOKED =
  /^(cooked|boiled|roasted|baked|broiled|grilled|steamed|poached|dry heat|moist heat|pan-broiled|pan-browned|baked in skin|prepared)$/i;
/** Qualifiers that say the grams are weighed dry (before cooking or soaking). */
const DRY = /^dry$/i;

/**
 * A food's name on the client's copy: as a person says it (shortFoodName),
 * with the state its grams are weighed in when the catalogue says so and the
 * short name does not, so "75 g" of amaranth reads as cooked and "40 g" of
 * oats as dry: "Amaranth, cooked" → "Amaranth (cooked)", "Oats, rolled, dry"
 * → "Rolled oats (dry)", "Egg, whole, poached" → "Poached egg".
 */
export function servedFoodName(food: Pick<CatalogueFood, "name">): string {
  const short = shortFoodName(food);
  const qualifiers = food.name.split(",").map((part) => part.trim().toLowerCase());
  const said = short.toLowerCase();
  const cooked = qualifiers.find((part) => COOKED.test(part));
  if (cooked && !said.includes(cooked.split(" ")[0] ?? cooked)) return `${short} (cooked)`;
  if (qualifiers.some((part) => DRY.test(part)) && !said.includes("dry")) return `${short} (dry)`;
  return short;
}

import type { CatalogueFood } from "@/generation/catalogue/catalogue";
import type { PlannedDay, PlannedMeal } from "@/generation/nutrition/planned-day";
import { keepsCapital, shortFoodName } from "./meal-patterns";
import { type MealType, mealTypeOf, type PlateRole } from "./plate";
import { isFatDense } from "./week-menu";

/**
 * Dish titles ("Greek yogurt with oats and blueberries") and a one-line
 * preparation per meal. The model's own, when it gave one and the meal still
 * holds the foods it was written for, sanitised: a meal-title alphabet, no
 * links, cut to length (an over-long title is cut, never a reason to fail
 * the plan). Otherwise derived from the meal's foods by their roles, which is
 * also how the offline planner titles every meal.
 */

export const TITLE_MAX_CHARS = 60;
export const PREPARATION_MAX_CHARS = 160;

/** A link, an address or a domain: text that could send a client somewhere is never kept. */
const LINK = /(https?:|www\.|:\/\/|@|\b[a-z0-9-]+\.(?:com|net|org|io|co|ly|app|dev|info|biz|me|xyz|ru|uk|de)\b)/i;
/** What a dish title or preparation line may hold: letters, digits, spaces and everyday punctuation. */
const NOT_DISH_TEXT = /[^\p{L}\p{N} ,.'’&()\-/:;!%+]/gu;

/** The model's text made fit for a client's plan, or undefined when nothing usable is left. */
export function sanitizeDishText(text: unknown, maxChars: number): string | undefined {
  if (typeof text !== "string") return undefined;
  const normalised = text.normalize("NFKC");
  if (LINK.test(normalised)) return undefined;
  // Markup goes whole ("<b>with</b>" reads "with"), then anything outside the alphabet.
  const clean = normalised
    .replace(/<[^>]*>/g, " ")
    .replace(NOT_DISH_TEXT, " ")
    .replace(/\s+/g, " ")
    .trim();
  if ((clean.match(/\p{L}/gu) ?? []).length < 2) return undefined;
  return cutAtWord(clean, maxChars);
}

function cutAtWord(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars + 1);
  const space = cut.lastIndexOf(" ");
  const head = space > maxChars / 2 ? cut.slice(0, space) : text.slice(0, maxChars);
  return head.replace(/[\s,;:\-/&(]+$/, "").trim();
}

/** The order foods are named in a title: what the dish is built around first. */
const TITLE_ORDER: readonly PlateRole[] = [
  "main_protein",
  "protein_side",
  "starch",
  "vegetable",
  "fruit",
  "fat",
  "supplement",
  "drink",
  "condiment",
];
/** Roles a title does not name unless the meal is only them: nobody calls a dish after its protein powder. */
const UNNAMED_IN_TITLE: readonly PlateRole[] = ["supplement", "drink", "condiment"];
function inTitle(name: string): string {
  return keepsCapital(name) ? name : name.charAt(0).toLowerCase() + name.slice(1);
}

function listed(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

type Named = { food: CatalogueFood; name: string };

/** A title and a preparation line for a meal of these foods (derived; no model text). */
export function deriveDish(type: MealType, foods: readonly CatalogueFood[]): { title: string; preparation: string } {
  const ordered: Named[] = [...foods]
    .sort((a, b) => TITLE_ORDER.indexOf(a.plate_role) - TITLE_ORDER.indexOf(b.plate_role))
    .map((food) => ({ food, name: shortFoodName(food) }));
  if (ordered.length === 0) return { title: "Meal", preparation: "Serve as listed." };
  const [lead, ...rest] = ordered as [Named, ...Named[]];
  const withRole = (...roles: PlateRole[]) => rest.filter((item) => roles.includes(item.food.plate_role));
  const others = rest.filter((item) => !UNNAMED_IN_TITLE.includes(item.food.plate_role));
  // The title names the lead and at most two more, dropping names until it fits.
  let named = others.slice(0, 2);
  let title = titleOf(lead, named);
  while (title.length > TITLE_MAX_CHARS && named.length > 0) {
    named = named.slice(0, -1);
    title = titleOf(lead, named);
  }
  const lower = (items: readonly Named[]) => listed(items.map((item) => inTitle(item.name)));
  let preparation: string;
  if (type === "lunch" || type === "dinner") {
    // Only an oil or butter is what the lead is cooked with; tahini, avocado or seeds are served beside it.
    const fat = withRole("fat").filter((item) => isFatDense(item.food));
    const sides = rest.filter((item) => !fat.includes(item));
    const cook = lead.food.plate_role === "vegetable" ? "Prepare" : "Cook";
    preparation = `${cook} the ${inTitle(lead.name)}${fat.length > 0 ? ` with the ${lower(fat)}` : ""}${
      sides.length > 0 ? `; serve with the ${lower(sides)}` : ""
    }.`;
  } else if (type === "breakfast") {
    preparation =
      rest.length > 0 ? `Serve the ${inTitle(lead.name)} with the ${lower(rest)}.` : `Serve the ${inTitle(lead.name)}.`;
  } else {
    preparation =
      rest.length > 0 ? `Have the ${inTitle(lead.name)} with the ${lower(rest)}.` : `Have the ${inTitle(lead.name)}.`;
  }
  return { title: cutAtWord(title, TITLE_MAX_CHARS), preparation: cutAtWord(preparation, PREPARATION_MAX_CHARS) };
}

function titleOf(lead: Named, named: readonly Named[]): string {
  return named.length === 0 ? lead.name : `${lead.name} with ${listed(named.map((item) => inTitle(item.name)))}`;
}

/** Food ids of a meal, as a comparable key. */
function foodKey(meal: Pick<PlannedMeal, "items">): string {
  return meal.items
    .map((item) => item.food_id)
    .sort()
    .join(",");
}

/**
 * The day with every meal titled: a meal keeps the title and preparation it
 * carried in `before` (the model's, already sanitised) when it still holds
 * the same foods; any other meal gets a derived title.
 */
export function withDishTitles(
  day: PlannedDay,
  before: PlannedDay | undefined,
  foods: ReadonlyMap<string, CatalogueFood>,
): PlannedDay {
  return {
    ...day,
    meals: day.meals.map((meal) => {
      const earlier = before?.meals.find((candidate) => candidate.name === meal.name);
      if (earlier?.title && foodKey(earlier) === foodKey(meal)) {
        return { ...meal, title: earlier.title, ...(earlier.preparation ? { preparation: earlier.preparation } : {}) };
      }
      const mealFoods = meal.items.flatMap((item) => foods.get(item.food_id) ?? []);
      return { ...meal, ...deriveDish(mealTypeOf(meal.name), mealFoods) };
    }),
  };
}

import type { CatalogueFood } from "@/generation/catalogue/catalogue";
import { mealSlotsFor } from "@/generation/catalogue/meal-slots";
import { mealTypeOf, type PlateRole } from "@/generation/meals/plate";
import type { ModelPort } from "@/generation/model/model-port";
import type { PlannedDay } from "@/generation/nutrition/planned-day";
import { briefOf, chooseOfflineDays, type PassBrief } from "@/generation/offline/offline-planner";
import type { Responder, ScriptedReply } from "./fake-anthropic";
import { briefFromPrompt } from "./plan-from-prompt";

/**
 * Answers a careless model gives, for the fake Messages API: valid JSON in the
 * asked shape, foods from the prompt's catalogue, and nothing else right. The
 * planner evaluation and the plan-quality tests run the workflow against
 * each; the plan must still come out on its calories and macros with natural
 * portions and every meal meeting its pattern.
 *
 * Every kind is built from the raw candidate list (the prompt's catalogue) or
 * from the offline planner's choosing half (chooseOfflineDays, unbalanced),
 * never from its balanced answer: a careless model that starts from balanced
 * days would hide what the balance step fails to repair.
 *
 * Every meal also carries careless text: a dish title and preparation that
 * are sometimes a link, 300 characters, a number or HTML. The plan must be
 * saved all the same, with no link and no markup in it.
 */

type CarelessMeal = {
  name: string;
  title?: unknown;
  preparation?: unknown;
  items: { food_id: string; grams: number }[];
};
type Plan = { days: { day: number; meals: CarelessMeal[] }[] };

export const CARELESS_KINDS = [
  "usual-portions",
  "list-order",
  "dinner-at-breakfast",
  "drinks-as-meals",
  "only-starches",
  "only-proteins",
  "far-off-calories",
  "own-day-numbers",
] as const;
export type CarelessKind = (typeof CARELESS_KINDS)[number];

export const CARELESS_DESCRIPTIONS: Record<CarelessKind, string> = {
  "usual-portions":
    "the offline planner's chosen foods (before balancing), every item at the catalogue's usual portion",
  "list-order": "meals filled from the candidate list in the order given, usual portions, no sense of meal type",
  "dinner-at-breakfast": "a main protein, a lunch starch and a vegetable at every meal, breakfast and snacks included",
  "drinks-as-meals":
    "meals made of milks and drinks (1.5 l of plant milk beside a fish at lunch; a snack of milk alone)",
  "only-starches": "every meal made of starches only, usual portions, up to the meal's calories",
  "only-proteins": "every meal made of protein foods only, usual portions, up to the meal's calories",
  "far-off-calories": "the offline planner's chosen foods, each day at 0.45x or 2.2x its calorie target",
  "own-day-numbers":
    "the offline planner's chosen foods at usual portions, days numbered from 1 whichever were asked, last first",
};

/** For the fake Messages API: the careless answer to whatever the prompt asks (the real Claude adapter reads it). */
export function carelessResponder(kind: CarelessKind): Responder {
  return async (request): Promise<ScriptedReply> => {
    const brief = briefFromPrompt(request.system, request.user);
    if (!brief) return { text: "I could not find which days to plan." };
    return { text: JSON.stringify(carelessPlan(kind, brief)) };
  };
}

/** The same answers in process, as a model port (tests and benchmarks that skip the HTTP hop). */
export function carelessModel(kind: CarelessKind): ModelPort {
  return {
    name: "claude",
    async planPass(pass) {
      const text = JSON.stringify(carelessPlan(kind, briefOf(pass)));
      return {
        text,
        stopReason: "end_turn",
        model: `careless-${kind}`,
        usage: { inputTokens: 0, outputTokens: 0, cacheReadInputTokens: 0, cacheCreationInputTokens: 0 },
      };
    },
  };
}

export function carelessPlan(kind: CarelessKind, brief: PassBrief): Plan {
  return withCarelessText(mealsOf(kind, brief));
}

function mealsOf(kind: CarelessKind, brief: PassBrief): Plan {
  switch (kind) {
    case "usual-portions":
      return atUsualPortions(chosenDays(brief), brief);
    case "far-off-calories": {
      // chooseOfflineDays scales each day onto its calories; these days then miss them by far, alternately.
      const plan = chosenDays(brief);
      for (const [index, day] of plan.days.entries()) {
        const factor = index % 2 === 0 ? 0.45 : 2.2;
        for (const item of day.meals.flatMap((meal) => meal.items)) item.grams = Math.round(item.grams * factor);
      }
      return plan;
    }
    case "own-day-numbers": {
      const plan = atUsualPortions(chosenDays(brief), brief);
      return { days: plan.days.map((day, index) => ({ ...day, day: index + 1 })).reverse() };
    }
    case "list-order":
      return fillInOrder(brief, brief.candidates);
    case "only-starches":
      return fillInOrder(brief, withRoles(brief.candidates, ["starch"]));
    case "only-proteins":
      return fillInOrder(brief, withRoles(brief.candidates, ["main_protein", "protein_side"]));
    case "dinner-at-breakfast":
      return dinnerEverywhere(brief);
    case "drinks-as-meals":
      return drinksAsMeals(brief);
  }
}

function chosenDays(brief: PassBrief): Plan {
  return {
    days: chooseOfflineDays(brief).map((day: PlannedDay) => ({
      day: day.day,
      meals: day.meals.map((meal) => ({
        name: meal.name,
        items: meal.items.map((item) => ({ food_id: item.food_id, grams: item.grams })),
      })),
    })),
  };
}

function atUsualPortions(plan: Plan, brief: PassBrief): Plan {
  const usual = new Map(brief.candidates.map((food) => [food.id, food.default_portion_g]));
  for (const item of plan.days.flatMap((day) => day.meals.flatMap((meal) => meal.items))) {
    item.grams = usual.get(item.food_id) ?? item.grams;
  }
  return plan;
}

/** The candidates of these roles, in listed order; all candidates when none has them (a model stuck on what it has). */
function withRoles(candidates: readonly CatalogueFood[], roles: readonly PlateRole[]): CatalogueFood[] {
  const chosen = candidates.filter((food) => roles.includes(food.plate_role));
  return chosen.length > 0 ? chosen : [...candidates];
}

/**
 * Each meal takes the next foods of `foods` in order (wrapping around, each
 * day starting where the previous one stopped) until the meal's usual
 * portions carry its share of the calories: no thought for what a breakfast
 * or a lunch is, nor for the macros.
 */
function fillInOrder(brief: PassBrief, foods: readonly CatalogueFood[]): Plan {
  const slots = mealSlotsFor(brief.mealsPerDay);
  let next = 0;
  return {
    days: brief.dayNumbers.map((day) => ({
      day,
      meals: slots.map((slot) => {
        const items: { food_id: string; grams: number }[] = [];
        let kcal = 0;
        const wanted = brief.calorieTarget * slot.energyShare;
        while (items.length < 2 || (kcal < wanted && items.length < 6)) {
          const food = foods[next % foods.length] as CatalogueFood;
          next += 1;
          items.push({ food_id: food.id, grams: food.default_portion_g });
          kcal += (food.kcal_per_100g * food.default_portion_g) / 100;
        }
        return { name: slot.name, items };
      }),
    })),
  };
}

/** The next food of a list, turning round it (undefined for an empty list). */
function turn(foods: readonly CatalogueFood[], index: number): CatalogueFood | undefined {
  return foods.length > 0 ? foods[index % foods.length] : undefined;
}

/** A main protein, a lunch-and-dinner starch and a vegetable at usual portions, whatever the meal. */
function dinnerEverywhere(brief: PassBrief): Plan {
  const mains = withRoles(brief.candidates, ["main_protein"]);
  const starches = brief.candidates.filter(
    (food) => food.plate_role === "starch" && food.meal_types.some((type) => type === "lunch" || type === "dinner"),
  );
  const vegetables = brief.candidates.filter((food) => food.plate_role === "vegetable");
  let next = 0;
  return {
    days: brief.dayNumbers.map((day) => ({
      day,
      meals: mealSlotsFor(brief.mealsPerDay).map((slot) => {
        const foods = [turn(mains, next), turn(starches, next), turn(vegetables, next)];
        next += 1;
        return {
          name: slot.name,
          items: foods.flatMap((food) => (food ? [{ food_id: food.id, grams: food.default_portion_g }] : [])),
        };
      }),
    })),
  };
}

/** Milks and drinks as the meal: 1.5 l beside a fish at lunch and dinner, 750 ml with fruit at breakfast, milk alone as a snack. */
function drinksAsMeals(brief: PassBrief): Plan {
  const drinks = withRoles(brief.candidates, ["drink"]);
  const mains = withRoles(brief.candidates, ["main_protein"]);
  const fruit = withRoles(brief.candidates, ["fruit"]);
  let next = 0;
  return {
    days: brief.dayNumbers.map((day) => ({
      day,
      meals: mealSlotsFor(brief.mealsPerDay).map((slot) => {
        const type = mealTypeOf(slot.name);
        const drink = turn(drinks, next) as CatalogueFood;
        const beside = type === "snack" ? undefined : turn(type === "breakfast" ? fruit : mains, next);
        next += 1;
        const drinkGrams = type === "snack" ? 500 : type === "breakfast" ? 750 : 1500;
        return {
          name: slot.name,
          items: [
            { food_id: drink.id, grams: drinkGrams },
            ...(beside ? [{ food_id: beside.id, grams: beside.default_portion_g }] : []),
          ],
        };
      }),
    })),
  };
}

/** Title and preparation text a careless model writes, by turns: a link, too long, a number, HTML, plain, none. */
const CARELESS_TEXT: readonly { title?: unknown; preparation?: unknown }[] = [
  {
    title: "Power bowl, recipe at https://recipes.example.com/bowl",
    preparation: "See www.example.org for the method.",
  },
  {
    title: "A hearty and wholesome plate ".repeat(11).trim(),
    preparation: "Cook everything slowly and carefully with love, ".repeat(7).trim(),
  },
  { title: 42, preparation: 7 },
  {
    title: "<b>Bowl</b><script>alert('x')</script>",
    preparation: '<img src="x" onerror="alert(1)">Cook and serve.',
  },
  { title: "Chef's plate", preparation: "Cook and serve." },
  {},
];

function withCarelessText(plan: Plan): Plan {
  let next = 0;
  for (const meal of plan.days.flatMap((day) => day.meals)) {
    Object.assign(meal, CARELESS_TEXT[next % CARELESS_TEXT.length]);
    next += 1;
  }
  return plan;
}

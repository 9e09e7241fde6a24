import type { CatalogueFood, FoodGroup } from "@/generation/catalogue/catalogue";
import { mealSlotsFor } from "@/generation/catalogue/meal-slots";
import type { ModelPort } from "@/generation/model/model-port";
import { briefOf, type PassBrief, planOffline } from "@/generation/offline/offline-planner";
import type { Responder, ScriptedReply } from "./fake-anthropic";
import { briefFromPrompt } from "./plan-from-prompt";

/**
 * Answers a careless model gives, for the fake Messages API: valid JSON in the
 * asked shape, foods from the prompt's catalogue, and nothing else right. The
 * planner evaluation and the plan-quality tests run the workflow against
 * each; the plan must still come out on its calories and macros with natural
 * portions and a protein at every main meal.
 */

type Plan = { days: { day: number; meals: { name: string; items: { food_id: string; grams: number }[] }[] }[] };

export type CarelessKind = "usual-portions" | "list-order" | "one-group" | "far-off-calories" | "own-day-numbers";

export const CARELESS_KINDS: readonly CarelessKind[] = [
  "usual-portions",
  "list-order",
  "one-group",
  "far-off-calories",
  "own-day-numbers",
];

export const CARELESS_DESCRIPTIONS: Record<CarelessKind, string> = {
  "usual-portions": "the offline planner's foods, every item at its usual portion",
  "list-order":
    "meals filled from the candidate list in the order given (sorted by group), usual portions, no sense of meal type",
  "one-group": "every meal built from one food group (starches), usual portions",
  "far-off-calories": "sensible foods, but each day at 0.45x or 2.2x its calorie target",
  "own-day-numbers": "sensible foods at usual portions, the days numbered from 1 whichever days were asked, last first",
};

/** For the fake Messages API: the careless answer to whatever the prompt asks (the real Claude adapter reads it). */
export function carelessResponder(kind: CarelessKind): Responder {
  return async (request): Promise<ScriptedReply> => {
    const brief = briefFromPrompt(request.system, request.user);
    if (!brief) return { text: "I could not find which days to plan." };
    return { text: JSON.stringify(await carelessPlan(kind, brief)) };
  };
}

/** The same answers in process, as a model port (benchmarks that time only the pure steps). */
export function carelessModel(kind: CarelessKind): ModelPort {
  return {
    name: "claude",
    async planPass(pass) {
      const text = JSON.stringify(await carelessPlan(kind, briefOf(pass)));
      return {
        text,
        stopReason: "end_turn",
        model: `careless-${kind}`,
        usage: { inputTokens: 0, outputTokens: 0, cacheReadInputTokens: 0, cacheCreationInputTokens: 0 },
      };
    },
  };
}

export async function carelessPlan(kind: CarelessKind, brief: PassBrief): Promise<Plan> {
  switch (kind) {
    case "usual-portions":
      return atUsualPortions(await offlinePlan(brief), brief);
    case "far-off-calories": {
      const plan = atUsualPortions(await offlinePlan(brief), brief);
      for (const day of plan.days) {
        const factor = day.day % 2 === 0 ? 2.2 : 0.45;
        for (const item of day.meals.flatMap((meal) => meal.items)) item.grams = Math.round(item.grams * factor);
      }
      return plan;
    }
    case "own-day-numbers": {
      const plan = atUsualPortions(await offlinePlan(brief), brief);
      return { days: plan.days.map((day, index) => ({ ...day, day: index + 1 })).reverse() };
    }
    case "list-order":
      return fillInOrder(brief, brief.candidates);
    case "one-group":
      return fillInOrder(brief, groupFirst(brief.candidates, "starch"));
  }
}

async function offlinePlan(brief: PassBrief): Promise<Plan> {
  return JSON.parse(await planOffline(brief)) as Plan;
}

function atUsualPortions(plan: Plan, brief: PassBrief): Plan {
  const usual = new Map(brief.candidates.map((food) => [food.id, food.default_portion_g]));
  for (const item of plan.days.flatMap((day) => day.meals.flatMap((meal) => meal.items))) {
    item.grams = usual.get(item.food_id) ?? item.grams;
  }
  return plan;
}

/** The group's foods only, so every meal is made of them (a model stuck on bread and pasta). */
function groupFirst(candidates: readonly CatalogueFood[], group: FoodGroup): CatalogueFood[] {
  const chosen = candidates.filter((food) => food.food_group === group);
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

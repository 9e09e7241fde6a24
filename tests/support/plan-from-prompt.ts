import {
  ALLERGENS,
  type Allergen,
  type CatalogueFood,
  DIETS,
  type Diet,
  FOOD_GROUPS,
  type FoodGroup,
  plateDefaults,
} from "@/generation/catalogue/catalogue";
import { DEFAULT_GENERATION_CONFIG } from "@/generation/generation-config";
import { MEAL_TYPES, type MealType, PLATE_ROLES, type PlateRole } from "@/generation/meals/plate";
import { type PassBrief, planOffline } from "@/generation/offline/offline-planner";

/**
 * Rebuild a pass's brief from prompt text alone, the way a test double for
 * Claude must: candidate lines from the system prompt, days, targets, meals
 * and foods to build on or avoid from the user message (the lines
 * src/generation/prompt/pass-prompt.ts writes for the model). Returns null when the prompt does not
 * name any days.
 */
export function briefFromPrompt(system: string, user: string): PassBrief | null {
  const days = /^Days to plan: (.+)$/m.exec(user)?.[1];
  if (!days) return null;
  const dayNumbers = days
    .split(",")
    .map((day) => Number.parseInt(day.trim(), 10))
    .filter((day) => Number.isInteger(day));
  const defaults = DEFAULT_GENERATION_CONFIG.defaults;
  const target = /^Daily calorie target: ([\d.]+) kcal/m.exec(user)?.[1];
  const split = /^Macro split: protein ([\d.]+)%, carbs ([\d.]+)%, fat ([\d.]+)%/m.exec(user);
  const meals = /^Meals per day: (\d+)/m.exec(user)?.[1];
  const perWeek = /^Distinct foods per week[^:]*: at most (\d+)/m.exec(user)?.[1];
  const avoid = /^Foods already used \(prefer others\): (.+)$/m.exec(user)?.[1];
  const prefer = /^Foods planned for these days \([^)]*\): (.+)$/m.exec(user)?.[1];
  const restrictions = /Diet: ([^.]*)\. Allergies: ([^.]*)\./.exec(system);
  const dislikes = /The client dislikes ([^:]*):/.exec(system)?.[1];
  return {
    dayNumbers,
    candidates: system.split("\n").flatMap((line) => {
      const food = parseCandidateLine(line);
      return food ? [food] : [];
    }),
    calorieTarget: target ? Number(target) : defaults.calorieTarget,
    macroSplit: split
      ? { protein_pct: Number(split[1]), carb_pct: Number(split[2]), fat_pct: Number(split[3]) }
      : { ...defaults.macroSplit },
    mealsPerDay: meals ? Number(meals) : defaults.mealsPerDay,
    foodsPerWeek: perWeek ? Number(perWeek) : defaults.foodsPerWeek,
    leftovers: /^Leftovers: /m.test(user),
    avoidFoodIds: avoid ? avoid.split(",").map((id) => id.trim()) : [],
    preferFoodIds: prefer ? prefer.split(",").map((id) => id.trim()) : [],
    diet: listOf(restrictions?.[1], DIETS),
    allergies: listOf(restrictions?.[2], ALLERGENS),
    dislikedFamilies: dislikes ? dislikes.split(",").map((family) => family.trim()) : [],
  };
}

const CANDIDATE_LINE =
  /^- (\S+) \| (.*?) \| group: (\w+) \| family: (.*?) \| per 100g: ([\d.]+) kcal, P ([\d.]+) g, C ([\d.]+) g, F ([\d.]+) g \| portion ([\d.]+) g \| diets: (.*?) \| allergens: (.*?)(?: \| meals: (.*?) \| role: (\w+) \| max\/meal: (none|[\d.]+ g))?$/;

/** One `- <id> | <name> | group: ... ` catalogue line back into a food, or null for any other line. */
export function parseCandidateLine(line: string): CatalogueFood | null {
  const match = CANDIDATE_LINE.exec(line);
  if (!match) return null;
  const [, id, name, group, family, kcal, protein, carbs, fat, portion, diets, allergens, meals, role, maxPerMeal] =
    match;
  if (!FOOD_GROUPS.includes(group as FoodGroup)) return null;
  const defaults = plateDefaults(group as FoodGroup);
  return {
    id: id ?? "",
    name: name ?? "",
    food_group: group as FoodGroup,
    family: family ?? "",
    kcal_per_100g: Number(kcal),
    protein_per_100g: Number(protein),
    carbs_per_100g: Number(carbs),
    fat_per_100g: Number(fat),
    fibre_per_100g: 0,
    default_portion_g: Number(portion),
    diet_tags: listOf(diets, DIETS) as Diet[],
    allergens: listOf(allergens, ALLERGENS) as Allergen[],
    plate_role: PLATE_ROLES.includes(role as PlateRole) ? (role as PlateRole) : defaults.plate_role,
    meal_types: meals ? (listOf(meals, MEAL_TYPES) as MealType[]) : defaults.meal_types,
    max_per_meal_g: maxPerMeal
      ? maxPerMeal === "none"
        ? null
        : Number.parseFloat(maxPerMeal)
      : defaults.max_per_meal_g,
  };
}

/**
 * A valid plan for whatever the prompt asks (its days, its candidates, its
 * targets), planned by the offline planner. Multi-day workflow tests use it
 * as the fake Claude's default answer.
 */
export async function planTextFromPrompt(system: string, user: string): Promise<string | null> {
  const brief = briefFromPrompt(system, user);
  if (!brief) return null;
  const text = await planOffline(brief);
  // A meal run asks for one meal: answer with that meal only, as Claude is told to.
  const meal = /^Plan only the meal ([^,]+),/m.exec(user)?.[1];
  if (!meal) return text;
  const plan = JSON.parse(text) as { days: { meals: { name: string }[] }[] };
  for (const day of plan.days) day.meals = day.meals.filter((each) => each.name === meal);
  return JSON.stringify(plan);
}

function listOf<T extends string>(text: string | undefined, allowed: readonly T[]): T[] {
  if (!text) return [];
  return text
    .split(",")
    .map((part) => part.trim())
    .filter((part): part is T => (allowed as readonly string[]).includes(part));
}

import { z } from "zod";
import {
  FOOD_GROUP_PLATE_DEFAULTS,
  MEAL_TYPES,
  type MealType,
  PLATE_ROLES,
  type PlateFacts,
  type PlateRole,
} from "@/generation/meals/plate";

// The food catalogue is the contract with the `foods` table: snake_case keys
// mirror the columns so a row can be parsed without renaming.

/** Diets a food can fit; a plan with a diet only contains foods tagged with it. */
export const DIETS = ["vegetarian", "vegan", "pescatarian", "gluten_free", "dairy_free"] as const;
/** Allergens a food can carry; a plan never contains a food carrying one of the client's allergies. */
export const ALLERGENS = [
  "gluten",
  "dairy",
  "egg",
  "peanut",
  "tree_nut",
  "soy",
  "fish",
  "shellfish",
  "sesame",
] as const;
/** Coarse roles a food plays in a meal; candidate selection and the offline planner work per group. */
export const FOOD_GROUPS = ["breakfast", "protein", "starch", "vegetable", "fruit", "dairy", "fat", "snack"] as const;

export type Diet = (typeof DIETS)[number];
export type Allergen = (typeof ALLERGENS)[number];
export type FoodGroup = (typeof FOOD_GROUPS)[number];

export type CatalogueFood = {
  id: string;
  name: string;
  food_group: FoodGroup;
  /** Dedup works on families ("chicken", "rice") so a day never repeats a food under two names. */
  family: string;
  kcal_per_100g: number;
  protein_per_100g: number;
  carbs_per_100g: number;
  fat_per_100g: number;
  fibre_per_100g: number;
  default_portion_g: number;
  /** The diets the food fits (a vegan food is tagged vegan, vegetarian and pescatarian). */
  diet_tags: Diet[];
  allergens: Allergen[];
  /** What the food is on a plate (meals/plate.ts says what each role means). */
  plate_role: PlateRole;
  /** The meals it may be served at. */
  meal_types: MealType[];
  /** The most one meal of a 2,000 kcal day holds (milks, oils, nuts, powders, condiments); null where no cap makes sense. */
  max_per_meal_g: number | null;
};

/**
 * A number read from the database: Postgres `numeric` arrives as a string
 * from most drivers; accept both, but never turn null or "" into 0 the way a
 * bare z.coerce.number() would.
 */
export function fromDatabaseNumber<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (typeof value === "string" && value.trim() !== "" ? Number(value) : value), schema);
}

const numeric = (min: number, max: number) => fromDatabaseNumber(z.number().finite().min(min).max(max));

/**
 * The columns of a `foods` row (numbers may be strings; fibre and the plate
 * model may be absent: a food without them takes its group's defaults).
 */
const CatalogueRowSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1).max(120),
  food_group: z.enum(FOOD_GROUPS),
  family: z.string().min(1).max(60),
  kcal_per_100g: numeric(0, 900),
  protein_per_100g: numeric(0, 100),
  carbs_per_100g: numeric(0, 100),
  fat_per_100g: numeric(0, 100),
  fibre_per_100g: numeric(0, 100).default(0),
  default_portion_g: numeric(0.1, 1000),
  diet_tags: z.array(z.enum(DIETS)).default([]),
  allergens: z.array(z.enum(ALLERGENS)).default([]),
  plate_role: z.enum(PLATE_ROLES).optional(),
  meal_types: z.array(z.enum(MEAL_TYPES)).min(1).optional(),
  max_per_meal_g: fromDatabaseNumber(z.number().finite().positive().max(2000)).nullish(),
});

/** One `foods` row as read from the database, the plate model filled from the food group where absent. */
export const CatalogueFoodSchema = CatalogueRowSchema.transform((row): CatalogueFood => {
  const defaults = plateDefaults(row.food_group);
  return {
    ...row,
    plate_role: row.plate_role ?? defaults.plate_role,
    meal_types: row.meal_types ?? defaults.meal_types,
    max_per_meal_g: row.max_per_meal_g === undefined ? defaults.max_per_meal_g : row.max_per_meal_g,
  };
});

/** The plate model a food of this group starts with (a coach's own food, a row without one). */
export function plateDefaults(group: FoodGroup): PlateFacts {
  const defaults = FOOD_GROUP_PLATE_DEFAULTS[group];
  return { ...defaults, meal_types: [...defaults.meal_types] };
}

/** The `foods` columns a catalogue row is read from, in schema order. */
export const CATALOGUE_COLUMNS = Object.keys(CatalogueRowSchema.shape) as (keyof CatalogueFood)[];

// Compile-time proof that the schema's output is exactly the declared row type.
type SchemaOutput = z.output<typeof CatalogueFoodSchema>;
const _schemaMatchesType: [SchemaOutput] extends [CatalogueFood]
  ? [CatalogueFood] extends [SchemaOutput]
    ? true
    : never
  : never = true;
void _schemaMatchesType;

/** Index foods by id; every later step looks foods up by the id the model returned. */
export function indexFoodsById(foods: readonly CatalogueFood[]): ReadonlyMap<string, CatalogueFood> {
  return new Map(foods.map((food) => [food.id, food]));
}

/** Families compare case- and space-insensitively ("Chicken " = "chicken"), for dedup and variety caps. */
export function familyKey(food: Pick<CatalogueFood, "family">): string {
  return food.family.trim().toLowerCase();
}

/** The first row for each id (a catalogue query joining org and global rows may repeat one). */
export function uniqueFoods(foods: readonly CatalogueFood[]): CatalogueFood[] {
  const byId = new Map<string, CatalogueFood>();
  for (const food of foods) if (!byId.has(food.id)) byId.set(food.id, food);
  return [...byId.values()];
}

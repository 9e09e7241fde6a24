import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type CatalogueFood, CatalogueFoodSchema } from "@/generation/catalogue/catalogue";

/**
 * The global food catalogue exactly as supabase/seed.sql writes it, parsed
 * without a database, so pure tests and the planner evaluation run on the
 * data production uses rather than a copy that drifts. Ids are assigned in
 * order (deterministic, not the database's).
 */

const SEED_FILE = fileURLToPath(new URL("../../supabase/seed.sql", import.meta.url));

let cached: CatalogueFood[] | undefined;

export function seedCatalogue(): CatalogueFood[] {
  cached ??= foodsFromSeedSql(readFileSync(SEED_FILE, "utf8"));
  return cached;
}

/** Rows of `insert into public.foods (...) values (...), ...;` as catalogue foods, ids assigned in order. */
export function foodsFromSeedSql(sql: string): CatalogueFood[] {
  const start = sql.search(/insert\s+into\s+public\.foods/i);
  if (start < 0) throw new Error("seed.sql has no `insert into public.foods` statement");
  const statement = sql.slice(start);
  const columns = (/\(([^)]*)\)\s*values/i.exec(statement)?.[1] ?? "").split(",").map((column) => column.trim());
  const valuesAt = statement.search(/\bvalues\b/i) + "values".length;
  const rows = parseTuples(statement.slice(valuesAt));
  return rows.map((values, index) => {
    const row: Record<string, unknown> = {
      id: `5eed0000-0000-4000-8000-${(index + 1).toString(16).padStart(12, "0")}`,
    };
    columns.forEach((column, i) => {
      const value = values[i];
      row[column] = typeof value === "string" && /^\{.*\}$/.test(value) ? pgArray(value) : value;
    });
    return CatalogueFoodSchema.parse(row);
  });
}

/** Parse `(a, 'b', 1.0), (...) ... ;` into value lists, stopping at the statement's end. Skips -- comments. */
function parseTuples(text: string): Array<Array<string | number | null>> {
  const tuples: Array<Array<string | number | null>> = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === "-" && text[i + 1] === "-") {
      i = text.indexOf("\n", i);
      if (i < 0) break;
      continue;
    }
    if (char === ";" || /^on\s+conflict/i.test(text.slice(i, i + 12))) break;
    if (char !== "(") {
      i++;
      continue;
    }
    const values: Array<string | number | null> = [];
    i++;
    let token = "";
    while (i < text.length && text[i] !== ")") {
      const c = text[i] as string;
      if (c === "'") {
        let value = "";
        i++;
        while (i < text.length) {
          if (text[i] === "'" && text[i + 1] === "'") {
            value += "'";
            i += 2;
          } else if (text[i] === "'") {
            i++;
            break;
          } else {
            value += text[i++];
          }
        }
        values.push(value);
        token = "";
        while (text[i] === " ") i++;
        if (text[i] === ",") i++;
        continue;
      }
      if (c === ",") {
        if (token.trim() !== "") values.push(scalar(token));
        token = "";
        i++;
        continue;
      }
      token += c;
      i++;
    }
    if (token.trim() !== "") values.push(scalar(token));
    tuples.push(values);
    i++;
  }
  return tuples;
}

function scalar(token: string): string | number | null {
  const trimmed = token.trim();
  if (/^null$/i.test(trimmed)) return null;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : trimmed;
}

function pgArray(literal: string): string[] {
  const inner = literal.slice(1, -1).trim();
  return inner === "" ? [] : inner.split(",").map((part) => part.trim().replace(/^"|"$/g, ""));
}

/**
 * Foods a client dislikes, by seed name, for the evaluation and the plan-quality tests: families
 * a careless model reaches first (breakfast foods lead the candidate list) and everyday proteins.
 */
export const EVALUATION_DISLIKES = [
  "Oats, rolled, dry",
  "Bread, whole-wheat",
  "Greek yogurt, plain, nonfat",
  "Salmon, Atlantic, farmed, cooked, dry heat",
  "Chicken breast, meat only, roasted",
  "Mushrooms, white, cooked, boiled",
] as const;

/** The seed ids of foods named exactly so (throws on a name the seed does not have). */
export function seedFoodIds(names: readonly string[]): string[] {
  const catalogue = seedCatalogue();
  return names.map((name) => {
    const food = catalogue.find((candidate) => candidate.name === name);
    if (!food) throw new Error(`No food named ${name} in supabase/seed.sql`);
    return food.id;
  });
}

import { DAYS_PER_WEEK, planWeeks } from "@/generation/calendar/plan-calendar";
import { AISLE_LABELS, AISLES, type Aisle, defaultShoppingFacts, type ShoppingFacts } from "./shopping-facts";

/**
 * The grocery list a person can shop from, built from a plan's days and the
 * catalogue's shopping facts: what to buy (raw or dry, not cooked), how much
 * (whole units where people count, weights rounded up to what a shop sells),
 * one section per aisle, for one week or the whole plan. The page, the text
 * and CSV exports and the PDF all read this one list.
 */

/** The part of a plan day the list reads. */
export type GroceryDay = {
  day_number: number;
  meals: readonly {
    items: readonly { food_id: string; food_name: string; food_group: string; grams: number | string }[];
  }[];
};

export type GroceryLine = {
  /** Stable across renders and weeks: the check-off remembers lines by it. */
  key: string;
  /** The name to buy it under. */
  name: string;
  /** What to buy, as a shopper reads it: "12 eggs", "350 g", "1.5 kg". */
  amount: string;
  /** Grams to buy (a whole number of units where counted), rounded up. */
  grams: number;
  /** Units to buy, rounded up; null when bought by weight. */
  count: number | null;
  /** The counted unit, singular; null when bought by weight. */
  unit: string | null;
};

export type GrocerySection = { aisle: Aisle; label: string; lines: GroceryLine[] };

/** A stretch of the plan a list is made for: a week (days 1-7, 8-14, ...) or the whole plan. */
export type GroceryPeriod = { key: string; label: string; first_day: number; last_day: number };

/**
 * The lists a plan offers: the whole plan, and for a plan longer than a week
 * one per week (week 1 is days 1-7; the last week may be shorter).
 */
export function groceryPeriods(planLengthDays: number): GroceryPeriod[] {
  const days = Math.max(1, Math.floor(planLengthDays));
  const whole = {
    key: "all",
    label: days > DAYS_PER_WEEK ? `Whole plan (${days} days)` : "Whole plan",
    first_day: 1,
    last_day: days,
  };
  if (days <= DAYS_PER_WEEK) return [whole];
  const weeks = planWeeks(days).map(({ week, firstDay, lastDay }) => ({
    key: `week-${week}`,
    label: firstDay === lastDay ? `Week ${week} (day ${firstDay})` : `Week ${week} (days ${firstDay}–${lastDay})`,
    first_day: firstDay,
    last_day: lastDay,
  }));
  return [...weeks, whole];
}

/**
 * Everything to buy for the days in `period` (every day when absent): the
 * grams eaten of each food turned into grams as bought (÷ its cooked yield),
 * foods bought under one name summed (boiled and poached eggs are both eggs),
 * then rounded up (roundUpPurchase) and sorted by aisle, then by name.
 */
export function buildGroceryList(
  days: readonly GroceryDay[],
  factsByFood: Readonly<Record<string, ShoppingFacts>>,
  period?: Pick<GroceryPeriod, "first_day" | "last_day">,
): GrocerySection[] {
  const toBuy = new Map<
    string,
    { aisle: Aisle; name: string; grams: number; units: Set<string>; unitGrams: number[] }
  >();
  for (const day of days) {
    if (period && (day.day_number < period.first_day || day.day_number > period.last_day)) continue;
    for (const meal of day.meals) {
      for (const item of meal.items) {
        const eaten = Number(item.grams);
        if (!Number.isFinite(eaten) || eaten <= 0) continue;
        const facts = factsByFood[item.food_id] ?? defaultShoppingFacts(item);
        const key = `${facts.aisle}:${facts.buy_as.trim().toLowerCase()}`;
        const line = toBuy.get(key) ?? {
          aisle: facts.aisle,
          name: facts.buy_as.trim(),
          grams: 0,
          units: new Set<string>(),
          unitGrams: [],
        };
        line.grams += eaten / facts.cooked_yield;
        line.units.add(facts.count_unit ?? "");
        if (facts.grams_per_unit !== null) line.unitGrams.push(facts.grams_per_unit);
        toBuy.set(key, line);
      }
    }
  }

  const sections = new Map<Aisle, GroceryLine[]>();
  for (const [key, line] of toBuy) {
    // Counted only when every food bought under the name is counted in the same unit.
    const [unit] = line.units;
    const counted = line.units.size === 1 && unit ? { unit, grams: Math.max(...line.unitGrams) } : null;
    const lines = sections.get(line.aisle) ?? [];
    lines.push({ key, name: line.name, ...roundUpPurchase(line.grams, counted) });
    sections.set(line.aisle, lines);
  }
  return AISLES.filter((aisle) => sections.has(aisle)).map((aisle) => ({
    aisle,
    label: AISLE_LABELS[aisle],
    lines: (sections.get(aisle) ?? []).sort((first, second) => first.name.localeCompare(second.name, "en")),
  }));
}

/** Below this many grams a weight is rounded up to a 10 g step; from it, to a 50 g step. */
const FINE_STEP_BELOW_G = 100;

/**
 * An amount as a shop sells it, never less than needed: whole units where the
 * food is counted (9 g of rice cakes is 1 rice cake), else grams rounded up
 * to 10 g under 100 g (so nothing is dust: 3 g of sesame is 10 g) and to 50 g
 * from 100 g.
 */
export function roundUpPurchase(
  grams: number,
  counted: { unit: string; grams: number } | null,
): Pick<GroceryLine, "amount" | "grams" | "count" | "unit"> {
  // A hair of floating-point noise (3 × 33.333...) must not buy a whole extra unit or step.
  const needed = Math.max(0, grams - 1e-6);
  if (counted) {
    const count = Math.max(1, Math.ceil(needed / counted.grams));
    return {
      amount: `${count} ${count === 1 ? counted.unit : pluralUnit(counted.unit)}`,
      grams: Math.round(count * counted.grams),
      count,
      unit: counted.unit,
    };
  }
  const step = needed < FINE_STEP_BELOW_G ? 10 : 50;
  const rounded = Math.max(step, Math.ceil(needed / step) * step);
  return { amount: formatGrams(rounded), grams: rounded, count: null, unit: null };
}

/** "eggs", "slices", "peaches", "tomatoes", "rice cakes": the plural of a counted unit. */
export function pluralUnit(unit: string): string {
  if (/(s|x|z|ch|sh)$/i.test(unit) || /(tomato|potato|mango)$/i.test(unit)) return `${unit}es`;
  return `${unit}s`;
}

/** "850 g" below a kilogram, "1.25 kg" from one kilogram up (the way a shop labels weight). */
export function formatGrams(grams: number): string {
  const whole = Math.round(grams);
  if (whole < 1000) return `${whole} g`;
  const kilograms = Math.round(whole / 10) / 100;
  return `${kilograms} kg`;
}

/** The list as plain text: a heading, then a section per aisle with a "[ ] amount  name" line per item. */
export function groceryListText(title: string, sections: readonly GrocerySection[]): string {
  const lines = [title, ""];
  for (const section of sections) {
    lines.push(section.label.toUpperCase());
    for (const line of section.lines) lines.push(`[ ] ${line.amount.padEnd(12)} ${line.name}`);
    lines.push("");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

/** The list as CSV (RFC 4180, CRLF lines): aisle, item, amount, count, unit, grams. */
export function groceryListCsv(sections: readonly GrocerySection[]): string {
  const rows: (string | number)[][] = [["Aisle", "Item", "Amount", "Count", "Unit", "Grams"]];
  for (const section of sections) {
    for (const line of section.lines) {
      rows.push([section.label, line.name, line.amount, line.count ?? "", line.unit ?? "", line.grams]);
    }
  }
  return `${rows.map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}

function csvField(value: string | number): string {
  const text = String(value);
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

import { jsPDF } from "jspdf";
import { buildGroceryList, type GrocerySection, groceryPeriods } from "@/generation/grocery/grocery-list";
import { servedFoodName } from "@/generation/meals/served-name";
import type { PlanDetail } from "@/server/plan-detail";

/**
 * A plan as a PDF for its client, laid out server-side with jsPDF and the
 * PDF standard fonts (no font file, no browser; docs/decisions/021-plan-pdf-with-jspdf.md):
 * a week overview page (days × meals: dish titles and kcal), then the days
 * compactly (each meal's title, foods with grams and macros; the day's
 * totals), then the grocery list (two columns), one list per week for a plan longer
 * than a week. Only what the client's shared page shows goes in: no client name,
 * coach notes, run details or ids.
 */

/** What the PDF shows: the client's view of a plan (the shared page's fields). */
export type PdfPlan = Pick<PlanDetail, "plan_length_days" | "targets" | "days" | "shopping"> & {
  title: string;
  /** Who the plan is from ("From Dana Reyes at Demo Nutrition"), under the title. */
  from?: string;
};

const PAGE = { width: 595.28, height: 841.89, margin: 36 } as const;
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const BOTTOM = PAGE.height - PAGE.margin - 14;
const INK = 20;
const MUTED = 100;
const RULE = 190;

const whole = new Intl.NumberFormat("en", { maximumFractionDigits: 0 });

/** The plan's PDF, as bytes. */
export function renderPlanPdf(plan: PdfPlan): Uint8Array {
  const doc = new jsPDF({ unit: "pt", format: "a4", compress: true });
  doc.setProperties({ title: pdfText(plan.title), subject: "Meal plan", creator: "Meal plan" });
  doc.setTextColor(INK);
  weekOverview(doc, plan);
  compactDays(doc, plan);
  groceryPages(doc, plan);
  pageNumbers(doc, plan.title);
  return new Uint8Array(doc.output("arraybuffer"));
}

/** A file name for the download: the title in plain letters. */
export function planPdfFileName(title: string): string {
  const stem = title
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .toLowerCase();
  return `${stem || "meal-plan"}.pdf`;
}

function weekOverview(doc: jsPDF, plan: PdfPlan) {
  let y = PAGE.margin + 16;
  doc.setFont("helvetica", "bold").setFontSize(18);
  for (const line of wrap(doc, plan.title, CONTENT_WIDTH)) {
    doc.text(line, PAGE.margin, y);
    y += 22;
  }
  doc.setFont("helvetica", "normal").setFontSize(10).setTextColor(MUTED);
  if (plan.from) {
    doc.text(fitLine(doc, plan.from, CONTENT_WIDTH), PAGE.margin, y);
    y += 14;
  }
  doc.text(pdfText(planFacts(plan)), PAGE.margin, y);
  doc.setTextColor(INK);
  y += 22;

  const weeks = groceryPeriods(plan.days.length).filter((period) => period.key !== "all");
  const periods = weeks.length > 0 ? weeks : [{ key: "all", label: "", first_day: 1, last_day: plan.days.length }];
  for (const [index, period] of periods.entries()) {
    const days = plan.days.filter((day) => day.day_number >= period.first_day && day.day_number <= period.last_day);
    if (days.length === 0) continue;
    if (index > 0) {
      doc.addPage();
      y = PAGE.margin + 16;
    }
    doc.setFont("helvetica", "bold").setFontSize(13);
    doc.text(period.label ? `Week overview: ${period.label}` : "Week overview", PAGE.margin, y);
    y += 10;
    y = overviewTable(doc, days, y);
  }
}

/** Days down, meals across: each cell the dish title and its kcal; the day's total on the right. */
function overviewTable(doc: jsPDF, days: PdfPlan["days"], top: number): number {
  const mealNames = [...new Set(days.flatMap((day) => day.meals.map((meal) => meal.name)))];
  const dayColumn = 44;
  const totalColumn = 54;
  const cellWidth = (CONTENT_WIDTH - dayColumn - totalColumn) / Math.max(1, mealNames.length);
  const padding = 4;
  let y = top;

  doc.setFont("helvetica", "bold").setFontSize(8).setTextColor(MUTED);
  const headerY = y + 12;
  doc.text("Day", PAGE.margin + padding, headerY);
  mealNames.forEach((name, column) => {
    doc.text(
      fitLine(doc, name, cellWidth - 2 * padding),
      PAGE.margin + dayColumn + column * cellWidth + padding,
      headerY,
    );
  });
  doc.text("Total", PAGE.margin + CONTENT_WIDTH - padding, headerY, { align: "right" });
  doc.setTextColor(INK);
  y += 18;
  doc.setDrawColor(RULE).line(PAGE.margin, y, PAGE.margin + CONTENT_WIDTH, y);

  for (const day of days) {
    doc.setFont("helvetica", "normal").setFontSize(8);
    const cells = mealNames.map((name) => {
      const meal = day.meals.find((candidate) => candidate.name === name);
      if (!meal) return { lines: ["–"], kcal: "" };
      const title = meal.title ?? meal.items.map((item) => servedFoodName({ name: item.food_name })).join(", ");
      return {
        lines: wrap(doc, title, cellWidth - 2 * padding).slice(0, 3),
        kcal: `${whole.format(sum(meal.items, "kcal"))} kcal`,
      };
    });
    const rowHeight = Math.max(...cells.map((cell) => cell.lines.length), 1) * 9.5 + 16;
    if (y + rowHeight > BOTTOM) {
      doc.addPage();
      y = PAGE.margin;
    }
    doc.setFont("helvetica", "bold").setFontSize(9);
    doc.text(`Day ${day.day_number}`, PAGE.margin + padding, y + 12);
    cells.forEach((cell, column) => {
      const x = PAGE.margin + dayColumn + column * cellWidth + padding;
      doc.setFont("helvetica", "normal").setFontSize(8);
      cell.lines.forEach((line, index) => {
        doc.text(line, x, y + 12 + index * 9.5);
      });
      doc.setTextColor(MUTED).text(cell.kcal, x, y + 12 + cell.lines.length * 9.5);
      doc.setTextColor(INK);
    });
    doc.setFont("helvetica", "bold").setFontSize(9);
    doc.text(`${whole.format(day.totals.kcal)} kcal`, PAGE.margin + CONTENT_WIDTH - padding, y + 12, {
      align: "right",
    });
    doc.setFont("helvetica", "normal").setFontSize(7.5).setTextColor(MUTED);
    const { protein, carbs, fat } = day.totals;
    doc.text(
      `P ${whole.format(protein)} · C ${whole.format(carbs)} · F ${whole.format(fat)} g`,
      PAGE.margin + CONTENT_WIDTH - padding,
      y + 21.5,
      {
        align: "right",
      },
    );
    doc.setTextColor(INK);
    y += rowHeight;
    doc.setDrawColor(RULE).line(PAGE.margin, y, PAGE.margin + CONTENT_WIDTH, y);
  }
  return y + 20;
}

/** Each day: a heading with its totals, then each meal's title, macros and foods (two columns of foods). */
function compactDays(doc: jsPDF, plan: PdfPlan) {
  doc.addPage();
  let y = PAGE.margin + 4;
  const columnWidth = (CONTENT_WIDTH - 16) / 2;
  for (const day of plan.days) {
    const height = dayHeight(day);
    if (y + height > BOTTOM && y > PAGE.margin + 4) {
      doc.addPage();
      y = PAGE.margin + 4;
    }
    doc.setFillColor(238, 242, 246).rect(PAGE.margin, y, CONTENT_WIDTH, 18, "F");
    doc.setFont("helvetica", "bold").setFontSize(11);
    doc.text(`Day ${day.day_number}`, PAGE.margin + 4, y + 13);
    doc.setFont("helvetica", "normal").setFontSize(9);
    doc.text(pdfText(macroLine(day.totals)), PAGE.margin + CONTENT_WIDTH - 4, y + 13, { align: "right" });
    y += 28;
    for (const meal of day.meals) {
      doc.setFont("helvetica", "bold").setFontSize(9);
      const heading = meal.title ? `${meal.name}: ${meal.title}` : meal.name;
      const totals = {
        kcal: sum(meal.items, "kcal"),
        protein: sum(meal.items, "protein"),
        carbs: sum(meal.items, "carbs"),
        fat: sum(meal.items, "fat"),
      };
      const macros = pdfText(macroLine(totals));
      doc.setFont("helvetica", "normal").setFontSize(8);
      const macrosWidth = doc.getTextWidth(macros);
      doc.setTextColor(MUTED).text(macros, PAGE.margin + CONTENT_WIDTH, y, { align: "right" });
      doc.setTextColor(INK).setFont("helvetica", "bold").setFontSize(9);
      doc.text(fitLine(doc, heading, CONTENT_WIDTH - macrosWidth - 12), PAGE.margin, y);
      y += 11;
      if (meal.preparation) {
        doc.setFont("helvetica", "italic").setFontSize(7.5).setTextColor(MUTED);
        doc.text(fitLine(doc, meal.preparation, CONTENT_WIDTH), PAGE.margin, y);
        doc.setTextColor(INK);
        y += 9.5;
      }
      doc.setFont("helvetica", "normal").setFontSize(8);
      const rows = Math.ceil(meal.items.length / 2);
      meal.items.forEach((item, index) => {
        const column = index < rows ? 0 : 1;
        const row = index < rows ? index : index - rows;
        const x = PAGE.margin + 8 + column * (columnWidth + 16);
        const rowY = y + row * 10;
        const grams = `${whole.format(Number(item.grams))} g`;
        doc.text(grams, x + 36, rowY, { align: "right" });
        doc.text(fitLine(doc, servedFoodName({ name: item.food_name }), columnWidth - 44), x + 42, rowY);
      });
      y += rows * 10 + 5;
    }
    y += 8;
  }
}

function dayHeight(day: PdfPlan["days"][number]): number {
  return (
    28 +
    day.meals.reduce(
      (total, meal) => total + 11 + (meal.preparation ? 9.5 : 0) + Math.ceil(meal.items.length / 2) * 10 + 5,
      0,
    ) +
    8
  );
}

/** The grocery list: for a plan longer than a week one list per week, else the whole plan's; two columns. */
function groceryPages(doc: jsPDF, plan: PdfPlan) {
  const periods = groceryPeriods(plan.days.length);
  const lists = periods.length > 1 ? periods.filter((period) => period.key !== "all") : periods;
  for (const period of lists) {
    doc.addPage();
    doc.setFont("helvetica", "bold").setFontSize(15);
    doc.text(lists.length > 1 ? `Grocery list: ${period.label}` : "Grocery list", PAGE.margin, PAGE.margin + 14);
    doc.setFont("helvetica", "normal").setFontSize(8.5).setTextColor(MUTED);
    doc.text("Raw or dry, as sold; rounded up to whole units and sensible weights.", PAGE.margin, PAGE.margin + 28);
    doc.setTextColor(INK);
    groceryColumns(doc, buildGroceryList(plan.days, plan.shopping, period), PAGE.margin + 46);
  }
}

function groceryColumns(doc: jsPDF, sections: readonly GrocerySection[], top: number) {
  const columns = 2;
  const gap = 24;
  const width = (CONTENT_WIDTH - gap * (columns - 1)) / columns;
  let column = 0;
  let y = top;
  const nextColumn = () => {
    column += 1;
    if (column === columns) {
      doc.addPage();
      column = 0;
    }
    y = column === 0 ? PAGE.margin : top;
  };
  for (const section of sections) {
    if (y + 14 + Math.min(section.lines.length, 3) * 10.5 > BOTTOM) nextColumn();
    const x = PAGE.margin + column * (width + gap);
    doc.setFont("helvetica", "bold").setFontSize(9);
    doc.text(pdfText(section.label), x, y);
    doc.setDrawColor(RULE).line(x, y + 3, x + width, y + 3);
    y += 14;
    for (const line of section.lines) {
      if (y > BOTTOM) {
        nextColumn();
      }
      const lineX = PAGE.margin + column * (width + gap);
      doc.setDrawColor(MUTED).rect(lineX, y - 6.5, 7, 7);
      doc.setFont("helvetica", "bold").setFontSize(8);
      const amount = pdfText(line.amount);
      doc.text(amount, lineX + width, y, { align: "right" });
      const amountWidth = doc.getTextWidth(amount);
      doc.setFont("helvetica", "normal");
      doc.text(fitLine(doc, line.name, width - amountWidth - 18), lineX + 11, y);
      y += 10.5;
    }
    y += 8;
  }
}

function pageNumbers(doc: jsPDF, title: string) {
  const pages = doc.getNumberOfPages();
  for (let page = 1; page <= pages; page += 1) {
    doc.setPage(page);
    doc.setFont("helvetica", "normal").setFontSize(7.5).setTextColor(MUTED);
    doc.text(fitLine(doc, title, CONTENT_WIDTH - 80), PAGE.margin, PAGE.height - PAGE.margin + 8);
    doc.text(`Page ${page} of ${pages}`, PAGE.margin + CONTENT_WIDTH, PAGE.height - PAGE.margin + 8, {
      align: "right",
    });
  }
  doc.setTextColor(INK);
}

function planFacts(plan: PdfPlan): string {
  const facts = [`${plan.days.length} ${plan.days.length === 1 ? "day" : "days"}`];
  if (plan.targets) {
    const split = plan.targets.macro_split;
    facts.push(`${whole.format(plan.targets.kcal)} kcal a day`);
    facts.push(`protein ${split.protein_pct} %, carbs ${split.carb_pct} %, fat ${split.fat_pct} %`);
  }
  return facts.join(" · ");
}

function macroLine(totals: { kcal: number; protein: number; carbs: number; fat: number }): string {
  return `${whole.format(totals.kcal)} kcal · protein ${whole.format(totals.protein)} g · carbs ${whole.format(totals.carbs)} g · fat ${whole.format(totals.fat)} g`;
}

function sum(
  items: readonly Record<"kcal" | "protein" | "carbs" | "fat", number | string>[],
  key: "kcal" | "protein" | "carbs" | "fat",
): number {
  return items.reduce((total, item) => total + (Number(item[key]) || 0), 0);
}

function wrap(doc: jsPDF, text: string, width: number): string[] {
  return doc.splitTextToSize(pdfText(text), width) as string[];
}

/** One line no wider than `width`, cut with an ellipsis. */
function fitLine(doc: jsPDF, text: string, width: number): string {
  const safe = pdfText(text);
  if (doc.getTextWidth(safe) <= width) return safe;
  let cut = safe;
  while (cut.length > 1 && doc.getTextWidth(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/**
 * Text the standard fonts can draw (WinAnsi): accents kept where the font has
 * them, other letters reduced to their base letter, anything else "?".
 */
export function pdfText(text: string): string {
  return [...text.replace(/\s+/g, " ")]
    .map((char) => {
      if (WIN_ANSI.test(char)) return char;
      const base = char.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
      return WIN_ANSI.test(base) && base !== "" ? base : "?";
    })
    .join("");
}

const WIN_ANSI = /^[\x20-\x7e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac]+$/;

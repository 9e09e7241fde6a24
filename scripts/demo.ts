// npm run demo — the whole product, headless, through the HTTP API: boots the
// database and the app, signs in as the demo coach, creates a 7-day plan,
// generates it while printing progress, prints the plan, then edits it as a
// coach would (regenerates day 3, swaps a food of day 1), stops what it started.
import { localSignInKey } from "@/server/auth/local-sign-in-key";
import { describeDatabaseUrl } from "@/server/database/connection";
import { prepareDatabase } from "@/server/database/local-database";
import { env } from "@/server/env";
import { pollDelayMs } from "@/ui/generation/poll-backoff";
import { exitOnKnownError } from "./lib/fail";
import { startNext } from "./lib/next-server";

type Json = Record<string, unknown>;
type Day = {
  day_number: number;
  totals: { kcal: number; protein: number; carbs: number; fat: number };
  kcal_off_target_pct: number;
  meals: { name: string; items: { id: string; food_name: string; food_group: string; grams: number }[] }[];
};

const describeDay = (day: Day) =>
  day.meals.map((meal) => `${meal.name}: ${meal.items.map((item) => `${item.food_name} ${item.grams} g`).join(", ")}`);

const COACH = "coach@demo.test";

async function main(): Promise<number> {
  const configuration = env();
  console.log("Meal plans demo: a coach generates a 7-day plan without any request running longer than a few ms.\n");
  const database = await prepareDatabase({ databaseUrl: configuration.DATABASE_URL });
  console.log(`• Database ready: ${describeDatabaseUrl(database.url)}`);
  console.log("• Starting the app (next dev)…");
  const app = await startNext({ mode: "dev", env: { DATABASE_URL: database.url, LOCAL_AUTH: "1" } });
  try {
    const api = async (path: string, init: RequestInit & { token?: string } = {}) => {
      const response = await fetch(`${app.baseUrl}${path}`, {
        ...init,
        headers: {
          "content-type": "application/json",
          ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        },
      });
      const body = (await response.json()) as Json;
      return { status: response.status, body };
    };

    const runtime = (await api("/api/runtime")).body;
    console.log(`• App up at ${app.baseUrl} (planner: ${runtime.planner}, workflow runner: ${runtime.runner})`);

    const session = await api("/api/dev/session", {
      method: "POST",
      body: JSON.stringify({ email: COACH, key: localSignInKey() }),
    });
    if (session.status !== 200) throw new Error(`Sign-in failed: ${JSON.stringify(session.body)}`);
    const token = session.body.access_token as string;
    console.log(`• Signed in as ${COACH}`);

    const intake = {
      calorie_target: 2200,
      macro_split: { protein_pct: 30, carb_pct: 45, fat_pct: 25 },
      diet: ["vegetarian"],
      allergies: ["peanut"],
      meals_per_day: 4,
      goal: "Lean bulk for a half-marathon block",
    };
    const created = await api("/api/nutrition/plans", {
      method: "POST",
      token,
      body: JSON.stringify({ name: "Demo week", plan_length_days: 7, intake_data: intake }),
    });
    if (created.status !== 201) throw new Error(`Creating the plan failed: ${JSON.stringify(created.body)}`);
    const planId = created.body.id as string;
    console.log(`• Created a 7-day vegetarian, peanut-free plan at 2,200 kcal/day (${planId})`);

    // next dev compiles each route on first use; warm the two hot routes with a
    // harmless request so the timing below is the route's own.
    const unknownPlan = "00000000-0000-4000-8000-000000000000";
    await api(`/api/nutrition/plans/${unknownPlan}/generate/start`, { method: "POST", token, body: "{}" });
    await api(`/api/nutrition/plans/${unknownPlan}/generate/status`, { token });

    const startedAt = performance.now();
    const started = await api(`/api/nutrition/plans/${planId}/generate/start`, { method: "POST", token, body: "{}" });
    const startMs = performance.now() - startedAt;
    if (started.status !== 202) throw new Error(`Start failed (${started.status}): ${JSON.stringify(started.body)}`);
    console.log(
      `• Pressed Generate: answered ${started.status} in ${startMs.toFixed(0)} ms; the workflow runs on its own\n`,
    );

    let last = "";
    // The same schedule the plan page polls on: 1 s rising to 5 s.
    for (let poll = 0; ; poll++) {
      const status = (await api(`/api/nutrition/plans/${planId}/generate/status`, { token })).body;
      const progress = status.progress as { phase?: string; days_done?: number; days_total?: number };
      const line = `  status ${status.generation_status}: ${progress.phase ?? "-"} ${progress.days_done ?? 0}/${progress.days_total ?? 7} days`;
      if (line !== last) console.log(line);
      last = line;
      if (status.generation_status === "error") {
        console.error(`\n✖ Generation failed: ${status.generation_error}`);
        return 1;
      }
      if (status.generation_status === "complete") break;
      await new Promise((resolve) => setTimeout(resolve, pollDelayMs(poll)));
    }

    const plan = (await api(`/api/nutrition/plans/${planId}`, { token })).body;
    const targets = plan.targets as {
      kcal: number;
      macro_split: { protein_pct: number; carb_pct: number; fat_pct: number };
    };
    const days = plan.days as Day[];
    console.log(
      `\nThe finished plan (target ${targets.kcal} kcal, P/C/F ${targets.macro_split.protein_pct}/${targets.macro_split.carb_pct}/${targets.macro_split.fat_pct} %):\n`,
    );
    console.log("  day    kcal   vs target   protein g   carbs g   fat g   P/C/F %");
    for (const day of days) {
      const { kcal, protein, carbs, fat } = day.totals;
      const energy = protein * 4 + carbs * 4 + fat * 9;
      const split = [protein * 4, carbs * 4, fat * 9].map((part) => Math.round((part / energy) * 100)).join("/");
      console.log(
        `  ${String(day.day_number).padStart(3)}  ${kcal.toFixed(0).padStart(6)}  ${`${day.kcal_off_target_pct >= 0 ? "+" : ""}${day.kcal_off_target_pct.toFixed(1)} %`.padStart(10)}  ${protein.toFixed(0).padStart(10)}  ${carbs.toFixed(0).padStart(8)}  ${fat.toFixed(0).padStart(6)}   ${split}`,
      );
    }
    const first = days[0];
    if (first) {
      console.log(`\nDay 1 in detail:`);
      for (const line of describeDay(first)) console.log(`  ${line}`);
    }
    console.log(`\n✔ ${days.length} days saved by the ${String(plan.generation_model)} in one transaction.`);

    // A coach's edits after the first draft.
    console.log("\nThe coach dislikes day 3 and regenerates just that day:");
    const regenerated = await api(`/api/nutrition/plans/${planId}/days/3/regenerate`, {
      method: "POST",
      token,
      body: "{}",
    });
    if (regenerated.status !== 202) throw new Error(`Regenerate failed: ${JSON.stringify(regenerated.body)}`);
    for (let poll = 0; ; poll++) {
      const status = (await api(`/api/nutrition/plans/${planId}/generate/status`, { token })).body;
      const day = status.day_regeneration as { status: string; phase: string | null; error: string | null } | null;
      if (day?.status === "error") throw new Error(`Regenerating day 3 failed: ${day.error}`);
      if (day?.status === "complete") break;
      await new Promise((resolve) => setTimeout(resolve, pollDelayMs(poll)));
    }
    const daysAfter = (await api(`/api/nutrition/plans/${planId}`, { token })).body.days as Day[];
    const afterRegenerate = daysAfter[2];
    const beforeRegenerate = days[2];
    if (beforeRegenerate && afterRegenerate) {
      for (const line of describeDay(beforeRegenerate)) console.log(`  before  ${line}`);
      for (const line of describeDay(afterRegenerate)) console.log(`  after   ${line}`);
      const others = (list: Day[]) => JSON.stringify(list.filter((day) => day.day_number !== 3));
      const untouched = others(daysAfter) === others(days);
      console.log(
        `  day 3 now ${afterRegenerate.totals.kcal.toFixed(0)} kcal; the other six days ${untouched ? "are unchanged" : "CHANGED (a bug)"}`,
      );
      if (!untouched) return 1;
    }

    const item = first?.meals.flatMap((meal) => meal.items).find((candidate) => candidate.food_group === "protein");
    if (item) {
      const alternatives = (await api(`/api/nutrition/plans/${planId}/items/${item.id}/alternatives`, { token })).body
        .alternatives as { food_id: string; food_name: string }[];
      const choice = alternatives[0];
      if (choice) {
        console.log(
          `\nThe client will not eat ${item.food_name}; closest alternatives: ${alternatives
            .slice(0, 3)
            .map((alternative) => alternative.food_name)
            .join("; ")}`,
        );
        const swapped = await api(`/api/nutrition/plans/${planId}/items/${item.id}/swap`, {
          method: "POST",
          token,
          body: JSON.stringify({ food_id: choice.food_id }),
        });
        if (swapped.status !== 200) throw new Error(`Swap failed: ${JSON.stringify(swapped.body)}`);
        const day = swapped.body.day as Day;
        console.log(`  swapped for ${choice.food_name}; day 1 re-solved to ${day.totals.kcal.toFixed(0)} kcal:`);
        for (const line of describeDay(day)) console.log(`  ${line}`);
      }
    }
    console.log("\n✔ Done.");
    return 0;
  } finally {
    await app.stop();
    await database.embedded?.stop();
  }
}

try {
  process.exit(await main());
} catch (error) {
  exitOnKnownError(error);
}

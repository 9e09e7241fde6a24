import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseModelReply } from "@/generation/model/parse-model-reply";
import { realisticCatalogue } from "../../support/food-factory";
import { loadModelReply } from "../../support/model-reply-fixtures";

const foods = realisticCatalogue().slice(0, 20);
const reply = (text: string, stopReason: string | null = "end_turn") => ({ text, stopReason });
const fixture = (name: string) => loadModelReply(name, foods);

describe("parsing a model reply", () => {
  it("reads a valid plan for the asked days", () => {
    const result = parseModelReply(reply(fixture("valid-two-days.json")), [1, 2]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.days.map((day) => day.day)).toEqual([1, 2]);
    expect(result.plan.days[0]?.meals[0]).toEqual({
      name: "Breakfast",
      items: [
        { food_id: foods[0]?.id, grams: 80 },
        { food_id: foods[1]?.id, grams: 200 },
      ],
    });
  });

  it("reads JSON wrapped in prose", () => {
    const result = parseModelReply(reply(fixture("prose-wrapped.txt")), [1]);
    expect(result.ok).toBe(true);
  });

  it("reads JSON inside a ```json fence", () => {
    const result = parseModelReply(reply(fixture("fenced.txt")), [1]);
    expect(result.ok).toBe(true);
  });

  it("reads a bare reply whose strings contain an unbalanced brace (JSON.parse runs before the scanner)", () => {
    const text = fixture("brace-in-string.txt").split("\n")[1] ?? "";
    const result = parseModelReply(reply(text), [1]);
    expect(result.ok).toBe(true);
  });

  it("reports malformed JSON when a prose-wrapped reply has an unbalanced brace in a string (the scanner's known limit)", () => {
    const result = parseModelReply(reply(fixture("brace-in-string.txt")), [1]);
    expect(result).toMatchObject({ ok: false, error: { code: "invalid_json", retryable: true } });
  });

  it("sorts days by number", () => {
    const text = JSON.stringify({ days: [2, 1].map((day) => ({ day, meals: [] })) });
    const result = parseModelReply(reply(text), [1, 2]);
    expect(result.ok && result.plan.days.map((day) => day.day)).toEqual([1, 2]);
  });

  it("accepts quoted numbers and ignores extra keys the model adds", () => {
    const text = JSON.stringify({
      days: [{ day: "1", meals: [{ name: "Lunch", kcal: 999, items: [{ food_id: "a", grams: "120", kcal: 5 }] }] }],
    });
    const result = parseModelReply(reply(text), [1]);
    expect(result.ok && result.plan.days[0]?.meals[0]).toEqual({
      name: "Lunch",
      items: [{ food_id: "a", grams: 120 }],
    });
  });

  it("reports truncation when the model hit max_tokens, even if text looks complete", () => {
    expect(parseModelReply(reply(fixture("truncated.txt"), "max_tokens"), [1])).toMatchObject({
      ok: false,
      error: { code: "truncated", retryable: true },
    });
    expect(parseModelReply(reply(fixture("valid-two-days.json"), "max_tokens"), [1, 2])).toMatchObject({
      ok: false,
      error: { code: "truncated" },
    });
  });

  it("reports a refusal", () => {
    expect(parseModelReply(reply("I can't help with that.", "refusal"), [1])).toMatchObject({
      ok: false,
      error: { code: "refused" },
    });
  });

  it("reports no JSON", () => {
    const result = parseModelReply(reply("Sorry, I cannot plan that."), [1]);
    expect(result).toMatchObject({ ok: false, error: { code: "no_json" } });
    expect(parseModelReply(reply(""), [1])).toMatchObject({
      ok: false,
      error: { code: "no_json", message: expect.stringContaining("empty") },
    });
  });

  it("reports malformed JSON", () => {
    expect(parseModelReply(reply(fixture("malformed.txt")), [1])).toMatchObject({
      ok: false,
      error: { code: "invalid_json" },
    });
    expect(parseModelReply(reply(fixture("truncated.txt")), [1])).toMatchObject({
      ok: false,
      error: { code: "invalid_json" },
    });
  });

  it("names the first wrong path when the shape is invalid", () => {
    const result = parseModelReply(reply(fixture("invalid-shape.json")), [1]);
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: "invalid_shape",
        message: "The model's plan has the wrong shape at days[0].meals[0].items[0].grams: grams must be positive",
      },
    });
    expect(parseModelReply(reply('{"plan":[]}'), [1])).toMatchObject({
      ok: false,
      error: { code: "invalid_shape", message: expect.stringContaining("days") },
    });
    expect(parseModelReply(reply("[1,2]"), [1])).toMatchObject({ ok: false, error: { code: "invalid_shape" } });
  });

  it("rejects absurd portions", () => {
    const text = JSON.stringify({ days: [{ day: 1, meals: [{ name: "L", items: [{ food_id: "a", grams: 5000 }] }] }] });
    expect(parseModelReply(reply(text), [1])).toMatchObject({
      ok: false,
      error: { code: "invalid_shape", message: expect.stringContaining("at most 2000") },
    });
  });

  it("names missing, unexpected and duplicated days", () => {
    const result = parseModelReply(reply(fixture("wrong-days.json")), [1, 2]);
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: "wrong_days",
        message: "The model planned the wrong days (asked for 1, 2): missing 2; unexpected 3; duplicated 3",
      },
    });
  });

  describe("day numbers are labels: an answer with the asked days' worth is kept", () => {
    const answer = (...numbers: number[]) =>
      JSON.stringify({
        days: numbers.map((day) => ({
          day,
          meals: [{ name: "Breakfast", items: [{ food_id: foods[0]?.id, grams: 100 + day }] }],
        })),
      });
    const kept = (text: string, asked: number[]) => {
      const result = parseModelReply(reply(text), asked);
      if (!result.ok) throw new Error(result.error.message);
      return {
        days: result.plan.days.map((day) => [day.day, day.meals[0]?.items[0]?.grams]),
        repaired: result.repaired,
      };
    };

    it("renumbers a careless model's day 1 as the day 5 it was asked for", () => {
      expect(kept(answer(1), [5])).toEqual({ days: [[5, 101]], repaired: "renumbered day 1 as 5" });
    });

    it("renumbers days in their order when there are exactly as many as asked", () => {
      expect(kept(answer(12, 11), [3, 4])).toEqual({
        days: [
          [3, 111],
          [4, 112],
        ],
        repaired: "renumbered day 11, 12 as 3, 4",
      });
    });

    it("keeps the asked days and drops a day it was not asked for", () => {
      expect(kept(answer(6, 5, 7), [5, 6])).toEqual({
        days: [
          [5, 105],
          [6, 106],
        ],
        repaired: "dropped day 7, which was not asked for",
      });
    });

    it("asks again when days are missing: too few to renumber", () => {
      expect(parseModelReply(reply(answer(1)), [1, 2])).toMatchObject({
        ok: false,
        error: { code: "wrong_days", message: expect.stringContaining("missing 2") },
      });
    });

    it("says nothing was repaired when the days are the ones asked", () => {
      expect(kept(answer(2, 1), [1, 2]).repaired).toBeUndefined();
    });
  });

  it("keeps unknown food ids for the sanitiser to remove (not a parse failure)", () => {
    expect(parseModelReply(reply(fixture("unknown-food.json")), [1]).ok).toBe(true);
  });

  // Plans in the right shape with the details wrong in every way fast-check can think of.
  const nearlyValidPlan = fc.record({
    days: fc.array(
      fc.record({
        day: fc.oneof(fc.constantFrom(1, 2), fc.integer()),
        meals: fc.array(
          fc.record({
            name: fc.string(),
            items: fc.array(fc.record({ food_id: fc.string(), grams: fc.oneof(fc.double(), fc.integer()) })),
          }),
          { maxLength: 3 },
        ),
      }),
      { maxLength: 3 },
    ),
  });

  it("never throws, and accepts only complete answers for exactly the days asked", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.string().map((s) => `prose {${s}} more`),
          nearlyValidPlan.map((plan) => JSON.stringify(plan)),
          nearlyValidPlan.map((plan) => `Here is the plan:\n\`\`\`json\n${JSON.stringify(plan)}\n\`\`\``),
        ),
        fc.constantFrom("end_turn", "max_tokens", null),
        (text, stop) => {
          const result = parseModelReply(reply(text, stop), [1, 2]);
          if (result.ok) {
            // Only a complete answer for exactly the days asked is accepted.
            expect(stop).not.toBe("max_tokens");
            expect(result.plan.days.map((day) => day.day)).toEqual([1, 2]);
          } else {
            expect(result.error.message.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("survives non-string text and deep nesting", () => {
    expect(parseModelReply({ text: undefined as unknown as string, stopReason: null }, [1]).ok).toBe(false);
    expect(parseModelReply(reply("[".repeat(100_000)), [1]).ok).toBe(false);
    expect(parseModelReply(reply(`${"{".repeat(50_000)}${"}".repeat(50_000)}`), [1]).ok).toBe(false);
  });
});

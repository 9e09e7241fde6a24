import { describe, expect, it } from "vitest";
import { failureInCoachWords } from "@/ui/generation/failure-words";

describe("a failed generation in a coach's words", () => {
  it.each([
    [
      "Days 3-4 could not be planned after 3 attempts: answer cut off at 8192 output tokens. Attempts: days 3-4: cut off ×3",
      /^Days 3-4 came back incomplete/,
    ],
    ["Day 2 could not be planned: 529 overloaded. Attempts: day 2: 529 overloaded ×3", /too busy .*day 2 could not/],
    ["Days 1-7 could not be planned: timed out after 20 s", /^Days 1-7 took too long/],
    ["Claude refused the request (401 authentication_error)", /access key/],
    ["something odd", /^Some days could not be planned\. Try again/],
  ])("%s", (detail, words) => {
    const said = failureInCoachWords(detail);
    expect(said).toMatch(words);
    expect(said).not.toMatch(/token|attempt|529|401/i);
  });
});

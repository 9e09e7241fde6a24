import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvSchema } from "@/server/env";

/**
 * The environment's documentation names exactly the keys the app reads:
 * src/server/env.ts's schema is the one source, and .env.example and the
 * README's configuration table follow it. Keys set for you (NODE_ENV by
 * Next.js, NEXT_MANUAL_SIG_HANDLE by the scripts) are documented too, as
 * commented-out lines in .env.example.
 */

const root = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

const schemaKeys = Object.keys(EnvSchema.shape).sort();

/** Keys .env.example assigns: `KEY=value`, or `# KEY=` for one set for you. */
function envExampleKeys(text: string): string[] {
  return [...text.matchAll(/^(?:# )?([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1] ?? "").sort();
}

/** Keys in the first column of the table under the README's "## Configuration". */
function readmeTableKeys(text: string): string[] {
  const section = text.split(/^## /m).find((part) => part.startsWith("Configuration\n"));
  if (!section) throw new Error('README.md has no "## Configuration" section');
  const firstCells = section
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .map((line) => line.split("|")[1] ?? "");
  return firstCells.flatMap((cell) => [...cell.matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((match) => match[1] ?? "")).sort();
}

describe("the environment's documentation", () => {
  it("names every key of the env schema in .env.example, once, and no other", () => {
    expect(envExampleKeys(read(".env.example"))).toEqual(schemaKeys);
  });

  it("names every key of the env schema in the README's configuration table, once, and no other", () => {
    expect(readmeTableKeys(read("README.md"))).toEqual(schemaKeys);
  });
});

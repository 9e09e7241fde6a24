import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { CatalogueFood } from "@/generation/catalogue/catalogue";

const FIXTURE_DIR = fileURLToPath(new URL("../fixtures/model-replies/", import.meta.url));

/**
 * A canned model reply from tests/fixtures/model-replies/<name>, with
 * `{{food:N}}` replaced by the id of `foods[N]` (so the same file works with
 * any catalogue) and `{{unknown}}` by an id that is in no catalogue.
 */
export function loadModelReply(name: string, foods: readonly CatalogueFood[]): string {
  const raw = readFileSync(`${FIXTURE_DIR}${name}`, "utf8");
  return raw
    .replaceAll("{{unknown}}", "99999999-9999-4999-8999-999999999999")
    .replace(/\{\{food:(\d+)\}\}/g, (_, index: string) => {
      const food = foods[Number(index)];
      if (!food) throw new Error(`Fixture ${name} refers to food ${index}, but only ${foods.length} foods were given`);
      return food.id;
    });
}

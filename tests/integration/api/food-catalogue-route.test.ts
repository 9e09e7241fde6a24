import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import * as foods from "@/app/api/nutrition/foods/route";
import * as plans from "@/app/api/nutrition/plans/route";
import { signLocalAccessToken } from "@/server/auth/access-token";
import { db } from "@/server/database/index";
import { call, demoCoachToken, otherCoachToken } from "../../support/api-client";
import { DEMO_ORG_ID, OTHER_ORG_ID } from "../../support/seed-ids";

/**
 * GET /api/nutrition/foods: the catalogue the new-plan form's disliked-foods
 * picker searches. The global foods and the caller's org's own, read as the
 * coach under row-level security; never another org's.
 */

type Food = { id: string; name: string; food_group: string; family: string; diet_tags: string[]; allergens: string[] };

let token: string;
let otherToken: string;
let demoFoodId: string;
let otherFoodId: string;

async function insertOrgFood(orgId: string, name: string): Promise<string> {
  const [row] = await db()<{ id: string }[]>`
    insert into foods (org_id, name, food_group, family, kcal_per_100g, protein_per_100g, carbs_per_100g, fat_per_100g,
                       default_portion_g, diet_tags, allergens)
    values (${orgId}, ${name}, 'snack', ${name.toLowerCase()}, 400, 10, 50, 18, 40, '{vegetarian}', '{tree_nut}')
    returning id`;
  if (!row) throw new Error("no food inserted");
  return row.id;
}

async function catalogueFor(bearer: string): Promise<Food[]> {
  const response = await call(foods.GET, { token: bearer });
  expect(response.status).toBe(200);
  return response.json.foods as Food[];
}

beforeAll(async () => {
  token = await demoCoachToken();
  otherToken = await otherCoachToken();
  demoFoodId = await insertOrgFood(DEMO_ORG_ID, "Demo house granola bar");
  otherFoodId = await insertOrgFood(OTHER_ORG_ID, "Other gym protein cookie");
});

describe("GET /api/nutrition/foods", () => {
  it("answers the whole global catalogue, each food with its name, group, family, diets and allergens, not cached", async () => {
    const response = await call(foods.GET, { token });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");

    const listed = response.json.foods as Food[];
    const globalIds = (await db()<{ id: string }[]>`select id from foods where org_id is null`).map((row) => row.id);
    expect(globalIds.length).toBeGreaterThan(100);
    expect(listed.map((food) => food.id)).toEqual(expect.arrayContaining(globalIds));

    const [salmon] = await db()<Food[]>`
      select id, name, food_group, family, diet_tags, allergens from foods
      where org_id is null and name = 'Salmon, Atlantic, farmed, cooked, dry heat'`;
    expect(listed.find((food) => food.id === salmon?.id)).toEqual({
      id: salmon?.id,
      name: "Salmon, Atlantic, farmed, cooked, dry heat",
      food_group: "protein",
      family: "salmon",
      diet_tags: ["pescatarian", "gluten_free", "dairy_free"],
      allergens: ["fish"],
      meal_types: ["lunch", "dinner"],
    });
  });

  it("adds the caller's org's own foods and never another org's", async () => {
    const demo = (await catalogueFor(token)).map((food) => food.id);
    expect(demo).toContain(demoFoodId);
    expect(demo).not.toContain(otherFoodId);

    const other = (await catalogueFor(otherToken)).map((food) => food.id);
    expect(other).toContain(otherFoodId);
    expect(other).not.toContain(demoFoodId);
  });

  it("lists only the foods of the org the coach acts for, even when they belong to a second org", async () => {
    const coach = { id: randomUUID(), email: `two-orgs-${randomUUID()}@demo.test` };
    await db()`insert into auth.users (id, email, aud, role) values (${coach.id}, ${coach.email}, 'authenticated', 'authenticated')`;
    await db()`
      insert into org_members (org_id, user_id, role, created_at) values
        (${DEMO_ORG_ID}, ${coach.id}, 'coach', now() - interval '1 day'),
        (${OTHER_ORG_ID}, ${coach.id}, 'coach', now())`;
    const { token: twoOrgToken } = await signLocalAccessToken(coach);

    const listed = (await catalogueFor(twoOrgToken)).map((food) => food.id);
    expect(listed).toContain(demoFoodId);
    expect(listed).not.toContain(otherFoodId);
  });

  it("lists ids the plan form may send as disliked foods", async () => {
    const listed = await catalogueFor(token);
    const chosen = listed
      .filter((food) => food.name === "Demo house granola bar" || food.name.startsWith("Mushrooms, white"))
      .map((food) => food.id);
    expect(chosen).toHaveLength(2);
    const created = await call(plans.POST, {
      token,
      body: { name: "Dislikes from the picker", plan_length_days: 3, intake_data: { disliked_foods: chosen } },
    });
    expect(created.status).toBe(201);
  });

  it("answers 401 without a session", async () => {
    const response = await call(foods.GET);
    expect(response.status).toBe(401);
    expect(response.json.error).toMatch(/sign in/i);
  });

  it("answers 403 to a signed-in user who belongs to no org", async () => {
    const loner = { id: randomUUID(), email: `loner-${randomUUID()}@nowhere.test` };
    await db()`insert into auth.users (id, email, aud, role) values (${loner.id}, ${loner.email}, 'authenticated', 'authenticated')`;
    const { token: lonerToken } = await signLocalAccessToken(loner);
    const response = await call(foods.GET, { token: lonerToken });
    expect(response.status).toBe(403);
    expect(response.json.error).toMatch(/organisation/);
  });
});

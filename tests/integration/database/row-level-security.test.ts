import { describe, expect, it } from "vitest";
import { asUser, db } from "@/server/database/index";
import { addDay, createPlan } from "../../support/plan-factory";
import { DEMO_COACH_ID, DEMO_ORG_ID, OTHER_CLIENT_ID, OTHER_COACH_ID, OTHER_ORG_ID } from "../../support/seed-ids";

const demoCoach = { sub: DEMO_COACH_ID, role: "authenticated" } as const;
const otherCoach = { sub: OTHER_COACH_ID, role: "authenticated" } as const;

describe("row-level security, queried as the authenticated role with JWT claims", () => {
  it("shows a coach only their own org's plans, even with no org filter", async () => {
    const demoPlan = await createPlan({ org_id: DEMO_ORG_ID, name: "Demo plan" });
    const otherPlan = await createPlan({ org_id: OTHER_ORG_ID, name: "Other plan" });

    const seenByDemo = await asUser(demoCoach, (tx) => tx<{ id: string }[]>`select id from meal_plans`);
    const seenByOther = await asUser(otherCoach, (tx) => tx<{ id: string }[]>`select id from meal_plans`);

    expect(seenByDemo.map((row) => row.id)).toContain(demoPlan);
    expect(seenByDemo.map((row) => row.id)).not.toContain(otherPlan);
    expect(seenByOther.map((row) => row.id)).toEqual([otherPlan]);
  });

  it("hides another org's days, meals and items", async () => {
    const otherPlan = await createPlan({ org_id: OTHER_ORG_ID });
    await addDay(otherPlan, 1);
    const counts = await asUser(demoCoach, async (tx) => {
      const [row] = await tx<{ days: number; meals: number; items: number }[]>`
        select (select count(*) from meal_plan_days where plan_id = ${otherPlan})::int as days,
               (select count(*) from meal_plan_meals)::int as meals,
               (select count(*) from meal_plan_items)::int as items`;
      return row;
    });
    expect(counts).toEqual({ days: 0, meals: 0, items: 0 });
    const ownCounts = await asUser(otherCoach, (tx) => tx`select id from meal_plan_days where plan_id = ${otherPlan}`);
    expect(ownCounts).toHaveLength(1);
  });

  it("refuses to update or delete another org's plan, and to create a plan in it", async () => {
    const otherPlan = await createPlan({ org_id: OTHER_ORG_ID, name: "Untouched" });
    await asUser(demoCoach, async (tx) => {
      const updated = await tx`update meal_plans set name = 'Hijacked' where id = ${otherPlan}`;
      const deleted = await tx`delete from meal_plans where id = ${otherPlan}`;
      expect(updated.count).toBe(0);
      expect(deleted.count).toBe(0);
    });
    await expect(
      asUser(
        demoCoach,
        (tx) => tx`insert into meal_plans (org_id, name, plan_length_days) values (${OTHER_ORG_ID}, 'Sneaky', 3)`,
      ),
    ).rejects.toThrow(/row-level security/);
    const [plan] = await db()`select name from meal_plans where id = ${otherPlan}`;
    expect(plan?.name).toBe("Untouched");
  });

  it("lets a coach create and read plans in their own org", async () => {
    const created = await asUser(demoCoach, async (tx) => {
      const [row] = await tx<{ id: string }[]>`
        insert into meal_plans (org_id, name, plan_length_days) values (${DEMO_ORG_ID}, 'Mine', 7) returning id`;
      return row?.id;
    });
    const [plan] = await db()`select org_id from meal_plans where id = ${created ?? ""}`;
    expect(plan?.org_id).toBe(DEMO_ORG_ID);
  });

  it("shows the global food catalogue to every coach, and an org's own foods only to that org", async () => {
    await db()`
      insert into foods (org_id, name, food_group, family, kcal_per_100g, protein_per_100g, carbs_per_100g, fat_per_100g, default_portion_g)
      values (${OTHER_ORG_ID}, 'House granola', 'breakfast', 'granola', 450, 10, 60, 18, 50)`;
    const demoFoods = await asUser(
      demoCoach,
      (tx) => tx<{ name: string; org_id: string | null }[]>`select name, org_id from foods`,
    );
    const otherFoods = await asUser(otherCoach, (tx) => tx<{ name: string }[]>`select name from foods`);
    expect(demoFoods.length).toBeGreaterThan(100);
    expect(demoFoods.every((food) => food.org_id === null)).toBe(true);
    expect(otherFoods.map((food) => food.name)).toContain("House granola");
  });

  it("gives a caller with no JWT claims nothing", async () => {
    await createPlan();
    const rows = await db().begin(async (tx) => {
      await tx`set local role authenticated`;
      return tx`select id from meal_plans`;
    });
    expect(rows).toHaveLength(0);
  });

  it("lets coaches edit a plan's brief but never its generation state", async () => {
    const planId = await createPlan({ name: "Brief" });
    await asUser(demoCoach, (tx) => tx`update meal_plans set name = 'Renamed brief' where id = ${planId}`);
    await expect(
      asUser(demoCoach, (tx) => tx`update meal_plans set generation_status = 'complete' where id = ${planId}`),
    ).rejects.toThrow(/permission denied/);
    await expect(
      asUser(
        demoCoach,
        (tx) => tx`insert into meal_plans (org_id, name, plan_length_days, generation_status)
                   values (${DEMO_ORG_ID}, 'Forged', 3, 'complete')`,
      ),
    ).rejects.toThrow(/permission denied/);
  });

  it("keeps coaches from writing who holds an inline run, of the plan or of a day, and when it was resumed", async () => {
    const planId = await createPlan({ name: "Held" });
    for (const column of [
      "generation_runner",
      "generation_resumed_at",
      "day_generation_runner",
      "day_generation_resumed_at",
    ]) {
      await expect(
        asUser(demoCoach, (tx) => tx`update meal_plans set ${tx(column)} = null where id = ${planId}`),
      ).rejects.toThrow(/permission denied/);
    }
  });

  it("refuses a plan that points at another org's client", async () => {
    await expect(
      asUser(
        demoCoach,
        (tx) => tx`insert into meal_plans (org_id, client_id, name, plan_length_days)
                   values (${DEMO_ORG_ID}, ${OTHER_CLIENT_ID}, 'Borrowed client', 3)`,
      ),
    ).rejects.toThrow(/meal_plans_client_in_same_org/);
  });

  it("tells a coach their own org, and never another user's", async () => {
    const [[own]] = await asUser(demoCoach, (tx) => [
      tx<{ org_id: string }[]>`select public.caller_org_id() as org_id`,
    ]);
    expect(own?.org_id).toBe(DEMO_ORG_ID);
    await expect(asUser(demoCoach, (tx) => [tx`select public.org_of_user(${OTHER_COACH_ID}::uuid)`])).rejects.toThrow(
      /permission denied for function org_of_user/,
    );
  });

  it("keeps the anon role out of the tables entirely", async () => {
    await expect(
      db().begin(async (tx) => {
        await tx`set local role anon`;
        return tx`select id from meal_plans`;
      }),
    ).rejects.toThrow(/permission denied/);
  });
});

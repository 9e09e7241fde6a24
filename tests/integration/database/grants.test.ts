import { describe, expect, it } from "vitest";
import { asUser, db, type Transaction } from "@/server/database/index";
import { addDay, createPlan } from "../../support/plan-factory";
import { DEMO_COACH_ID, DEMO_ORG_ID } from "../../support/seed-ids";

/**
 * What the API roles may do to each table of public, straight from the
 * catalogue (table and column privileges): anon nothing, authenticated only
 * this. A coach reaches every table through Supabase's REST API with their own
 * token, so a grant not listed here is a way past the server's checks.
 */
const ALLOWED: Record<string, { anon: string[]; authenticated: string[] }> = {
  orgs: { anon: [], authenticated: ["SELECT"] },
  org_members: { anon: [], authenticated: ["SELECT"] },
  clients: { anon: [], authenticated: ["DELETE", "INSERT", "SELECT", "UPDATE"] },
  foods: { anon: [], authenticated: ["DELETE", "INSERT", "SELECT", "UPDATE"] },
  meal_plans: {
    anon: [],
    authenticated: [
      "DELETE",
      "INSERT(calorie_target,client_id,client_title,dietary_restrictions,goal,intake_data,macro_split,name,org_id,plan_length_days,start_date)",
      "SELECT",
      "UPDATE(calorie_target,client_id,client_title,dietary_restrictions,goal,intake_data,macro_split,name,plan_length_days,start_date)",
    ],
  },
  meal_plan_days: { anon: [], authenticated: ["SELECT"] },
  meal_plan_meals: { anon: [], authenticated: ["SELECT"] },
  meal_plan_items: { anon: [], authenticated: ["SELECT"] },
  plan_share_links: { anon: [], authenticated: ["SELECT"] },
  org_daily_usage: { anon: [], authenticated: ["SELECT"] },
  spend_buckets: { anon: [], authenticated: [] },
  signed_out_tokens: { anon: [], authenticated: [] },
  meal_plan_day_edits: { anon: [], authenticated: [] },
  meal_plan_drafts: { anon: [], authenticated: ["SELECT"] },
  meal_plan_day_edits_id_seq: { anon: [], authenticated: [] },
};

/** Functions of public the API roles may call (everything else: no one but the server). */
const CALLABLE: Record<string, string[]> = {
  anon: [],
  authenticated: ["caller_org_id()", "can_access_plan(uuid)", "is_org_member(uuid)"],
};

type Grant = { relation: string; grantee: string; privilege: string };

/** Table privileges, and column privileges folded into "PRIVILEGE(col,col)". */
async function grantsInPublic(): Promise<Grant[]> {
  return db()<Grant[]>`
    with tables as (
      select c.oid, c.relname, c.relacl from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
    ), table_grants as (
      select t.relname as relation, r.rolname as grantee, a.privilege_type as privilege
      from tables t, aclexplode(t.relacl) a join pg_roles r on r.oid = a.grantee
    ), column_grants as (
      select t.relname as relation, r.rolname as grantee,
             a.privilege_type || '(' || string_agg(att.attname, ',' order by att.attname) || ')' as privilege
      from tables t join pg_attribute att on att.attrelid = t.oid and att.attacl is not null,
           aclexplode(att.attacl) a join pg_roles r on r.oid = a.grantee
      group by t.relname, r.rolname, a.privilege_type
    )
    select * from table_grants where grantee in ('anon', 'authenticated')
    union all
    select * from column_grants where grantee in ('anon', 'authenticated')
    order by relation, grantee, privilege`;
}

function byTable(grants: Grant[], relations: string[]) {
  return Object.fromEntries(
    relations.map((relation) => [
      relation,
      {
        anon: grants.filter((g) => g.relation === relation && g.grantee === "anon").map((g) => g.privilege),
        authenticated: grants
          .filter((g) => g.relation === relation && g.grantee === "authenticated")
          .map((g) => g.privilege),
      },
    ]),
  );
}

const coach = { sub: DEMO_COACH_ID, role: "authenticated" } as const;

describe("grants to the API roles", () => {
  it("match the allow-list for every table in public, and no table is missing from it", async () => {
    const relations = await db()<{ relname: string }[]>`
      select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S') order by c.relname`;
    const names = relations.map((row) => row.relname);
    expect(names.sort()).toEqual(Object.keys(ALLOWED).sort());
    expect(byTable(await grantsInPublic(), names)).toEqual(ALLOWED);
  });

  it("let the API roles call only the policy helpers", async () => {
    const routines = await db()<{ routine: string; grantee: string }[]>`
      select p.proname || '(' || oidvectortypes(p.proargtypes) || ')' as routine,
             coalesce(r.rolname, 'public') as grantee
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace,
           aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a left join pg_roles r on r.oid = a.grantee
      where n.nspname = 'public' and a.privilege_type = 'EXECUTE'`;
    const callable = (role: string) =>
      routines
        .filter((row) => row.grantee === role || row.grantee === "public")
        .map((row) => row.routine)
        .sort();
    expect({ anon: callable("anon"), authenticated: callable("authenticated") }).toEqual(CALLABLE);
  });

  it("pin the search_path of every function in public", async () => {
    const unpinned = await db()<{ routine: string }[]>`
      select p.proname || '(' || oidvectortypes(p.proargtypes) || ')' as routine
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'public'
        and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) setting where setting like 'search_path=%')
      order by 1`;
    expect(unpinned.map((row) => row.routine)).toEqual([]);
  });

  it("let a coach create a plan only as its author (created_by is the caller's, never named)", async () => {
    const other = "00000000-0000-4000-8000-0000000000ff";
    const named = asUser(coach, (tx) => [
      tx`insert into meal_plans (org_id, name, plan_length_days, created_by)
         values (${DEMO_ORG_ID}, 'Named author', 3, ${other})`,
    ]);
    await expect(named).rejects.toMatchObject({ code: "42501" });
    const [[plan]] = await asUser(coach, (tx) => [
      tx<{ created_by: string }[]>`
        insert into meal_plans (org_id, name, plan_length_days) values (${DEMO_ORG_ID}, 'Own plan', 3)
        returning created_by`,
    ]);
    expect(plan?.created_by).toBe(DEMO_COACH_ID);
  });

  it("give a table created by a later migration nothing until that migration grants it", async () => {
    // As a Supabase project's default privileges would otherwise grant ALL to every API role.
    // Created in a transaction that is rolled back (the probe carries what it saw out).
    class Probe extends Error {
      constructor(readonly grants: { table: string[]; routine: string[] }) {
        super("probe");
      }
    }
    let grants: Probe["grants"] | undefined;
    try {
      await db().begin(async (tx) => {
        await tx`create table public.grants_probe (id int)`;
        await tx`create function public.grants_probe_fn() returns int language sql as 'select 1'`;
        const table = await tx<{ grantee: string }[]>`
          select r.rolname as grantee from pg_class c, aclexplode(c.relacl) a join pg_roles r on r.oid = a.grantee
          where c.oid = 'public.grants_probe'::regclass and r.rolname in ('anon', 'authenticated')`;
        const routine = await tx<{ grantee: string }[]>`
          select coalesce(r.rolname, 'public') as grantee
          from pg_proc p, aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
          left join pg_roles r on r.oid = a.grantee
          where p.oid = 'public.grants_probe_fn'::regproc
            and coalesce(r.rolname, 'public') in ('public', 'anon', 'authenticated')`;
        throw new Probe({ table: table.map((row) => row.grantee), routine: routine.map((row) => row.grantee) });
      });
    } catch (error) {
      if (!(error instanceof Probe)) throw error;
      grants = error.grants;
    }
    expect(grants).toEqual({ table: [], routine: [] });
  });

  it("leave a coach reading a plan's days, meals, items and links, and writing none of them", async () => {
    const planId = await createPlan({ org_id: DEMO_ORG_ID });
    const dayId = await addDay(planId, 1);
    const [link] = await db()<{ id: string }[]>`
      insert into plan_share_links (plan_id, org_id, token_hash, expires_at, revoked_at)
      values (${planId}, ${DEMO_ORG_ID}, ${"f".repeat(64)}, now() + interval '1 day', now()) returning id`;
    const [meal] = await db()<{ id: string }[]>`select id from meal_plan_meals where day_id = ${dayId} limit 1`;

    const seen = await asUser(
      coach,
      (tx) => tx<{ days: number }[]>`
      select (select count(*) from meal_plan_days where plan_id = ${planId})::int as days`,
    );
    expect(seen[0]?.days).toBe(1);

    const writes = [
      (tx: Transaction) => tx`update meal_plan_items set grams = 900 where meal_id = ${meal?.id ?? ""}`,
      (tx: Transaction) => tx`insert into meal_plan_meals (day_id, position, name) values (${dayId}, 9, 'Injected')`,
      (tx: Transaction) => tx`delete from meal_plan_days where id = ${dayId}`,
      // Un-revoking a link the coach revoked.
      (tx: Transaction) => tx`update plan_share_links set revoked_at = null where id = ${link?.id ?? ""}`,
      (tx: Transaction) =>
        tx`insert into plan_share_links (plan_id, org_id, token_hash, expires_at)
           values (${planId}, ${DEMO_ORG_ID}, ${"e".repeat(64)}, now() + interval '90 days')`,
    ];
    for (const write of writes) {
      await expect(asUser(coach, write)).rejects.toThrow(/permission denied/);
    }
  });
});

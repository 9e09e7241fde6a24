import { readdir } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { db } from "@/server/database/index";
import { migrateAndSeed } from "@/server/database/local-database";
import { projectPaths } from "@/server/database/local-defaults";

describe("migrations and seed", () => {
  it("apply a second time as a no-op that changes no rows", async () => {
    const before = await db()<{ foods: number; orgs: number; members: number }[]>`
      select (select count(*) from foods)::int as foods, (select count(*) from orgs)::int as orgs,
             (select count(*) from org_members)::int as members`;
    const result = await migrateAndSeed(db());
    const after = await db()`
      select (select count(*) from foods)::int as foods, (select count(*) from orgs)::int as orgs,
             (select count(*) from org_members)::int as members`;
    expect(result.applied).toEqual([]);
    expect(result.skipped.length).toBeGreaterThanOrEqual(4);
    expect(after).toEqual(before);
  });

  it("records exactly the files in supabase/migrations, by version and name", async () => {
    const files = (await readdir(projectPaths().migrationsDir)).filter((file) => file.endsWith(".sql"));
    const expected = files.map((file) => file.replace(/\.sql$/, "")).sort();
    const rows = await db()<{ version: string; name: string }[]>`
      select version, name from supabase_migrations.schema_migrations order by version`;
    expect(rows.map((row) => `${row.version}_${row.name}`)).toEqual(expected);
  });

  it("turns on row-level security for every table in public", async () => {
    const tables = await db()<{ relname: string; relrowsecurity: boolean }[]>`
      select c.relname, c.relrowsecurity from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r'`;
    expect(tables.length).toBeGreaterThanOrEqual(7);
    expect(tables.filter((table) => !table.relrowsecurity)).toEqual([]);
  });
});

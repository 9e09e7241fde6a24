import { db } from "@/server/database/index";

export type Health = { database: "up" | "down"; foods: number; detail?: string };

/** Whether the database answers, and how big the food catalogue is. */
export async function checkHealth(): Promise<Health> {
  try {
    const [row] = await db()<{ foods: number }[]>`select count(*)::int as foods from foods where org_id is null`;
    return { database: "up", foods: row?.foods ?? 0 };
  } catch (error) {
    const code = (error as { code?: string }).code;
    return { database: "down", foods: 0, detail: code ?? "the database did not answer" };
  }
}

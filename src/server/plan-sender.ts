import type { Database } from "@/server/database/index";

/** Who a plan is from, as its client reads it: the coach who made it and their org. */
export type PlanSender = {
  /** The plan's author's name (auth.users' full_name), null when unknown. */
  coach_name: string | null;
  org_name: string;
};

/**
 * The sender of a plan the caller has already proved is theirs (a coach's own
 * read, or a share link's token), read on the server connection: coaches
 * have no grant on auth.users.
 */
export async function readPlanSender(sql: Database, planId: string): Promise<PlanSender | undefined> {
  const [sender] = await sql<PlanSender[]>`
    select o.name as org_name, nullif(btrim(u.raw_user_meta_data ->> 'full_name'), '') as coach_name
    from meal_plans p
    join orgs o on o.id = p.org_id
    left join auth.users u on u.id = p.created_by
    where p.id = ${planId}`;
  return sender;
}

/** "From Dana Reyes at Demo Nutrition", or "From your coach at …" when the coach's name is unknown. */
export function senderLine(sender: PlanSender): string {
  return `From ${sender.coach_name ?? "your coach"} at ${sender.org_name}`;
}

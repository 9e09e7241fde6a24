import { NextResponse } from "next/server";
import { authenticate } from "@/server/auth/authenticate";
import { apiHandler } from "@/server/http/api-handler";
import { listClients } from "@/server/plans";

/** The caller's org's clients, for the new-plan form. */
export const GET = apiHandler(async (request) => {
  const caller = await authenticate(request);
  return NextResponse.json({ clients: await listClients(caller) }, { headers: { "cache-control": "no-store" } });
});

import { NextResponse } from "next/server";
import { selectedRunner } from "@/inngest/dispatch";
import { apiHandler } from "@/server/http/api-handler";
import { runtimeMode } from "@/server/runtime-mode";

/** Which planner, workflow runner and sign-in this server uses (public; no secrets). */
export const GET = apiHandler(async () => NextResponse.json(runtimeMode(selectedRunner())));

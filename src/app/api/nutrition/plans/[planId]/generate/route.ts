import { NextResponse } from "next/server";

/**
 * The original one-request generation route, retired: Netlify ended it at 26 s on the
 * site it ran on (60 s on current sites, still too short: docs/decisions/008).
 * Kept so stale clients get a clear answer instead of a 404.
 */
export async function POST() {
  return NextResponse.json(
    {
      error:
        "This endpoint has been replaced. POST /api/nutrition/plans/{planId}/generate/start to begin, then poll GET /api/nutrition/plans/{planId}/generate/status.",
    },
    { status: 410 },
  );
}

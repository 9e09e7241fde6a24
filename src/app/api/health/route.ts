import { NextResponse } from "next/server";
import { checkHealth } from "@/server/health";

export async function GET() {
  const health = await checkHealth();
  return NextResponse.json(health, { status: health.database === "up" ? 200 : 503 });
}

// The JSON the API answers, named for the UI. Type-only imports from the
// server modules that build the responses, so the page and the routes cannot
// drift apart; nothing from those modules is bundled into the browser.
import type { CatalogueFoodOption } from "@/server/foods";
import type { GenerationStatus } from "@/server/generation-status";
import type { PlanDay, PlanDetail, PlanItem, PlanMeal, Totals } from "@/server/plan-detail";
import type { PlanSummary } from "@/server/plans";
import type { RuntimeMode } from "@/server/runtime-mode";
import type { TokenUsage } from "@/server/spend-limits";

export type {
  CatalogueFoodOption,
  PlanDay,
  PlanDetail,
  PlanItem,
  PlanMeal,
  PlanSummary,
  RuntimeMode,
  TokenUsage,
  Totals,
};

export type GenerationStatusResponse = GenerationStatus;
export type GenerationStatusValue = GenerationStatus["generation_status"];
export type GenerationProgress = GenerationStatus["progress"];

export type PlansListResponse = { plans: PlanSummary[]; usage: TokenUsage };
export type ClientOption = { id: string; full_name: string };
export type ClientsListResponse = { clients: ClientOption[] };
export type FoodsListResponse = { foods: CatalogueFoodOption[] };
export type CreatePlanResponse = { id: string };
export type GenerateStartResponse = { status: "generating"; generation_id: string };

/** One validation problem as a 400 answer lists it: `{ path: "intake_data.macro_split", message }`. */
export type { FieldIssue } from "@/generation/shared/zod-issues";

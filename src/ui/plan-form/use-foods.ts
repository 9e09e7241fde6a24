"use client";

import type { CatalogueFoodOption, FoodsListResponse } from "@/ui/api/api-types";
import { useApiGet } from "@/ui/api/use-api-get";

/** The caller's food catalogue for the disliked-foods picker; "unavailable" when it could not be read. */
export type FoodsState =
  | { kind: "loading" }
  | { kind: "unavailable" }
  | { kind: "loaded"; foods: CatalogueFoodOption[] };

export function useFoods(): FoodsState {
  const { state } = useApiGet<FoodsListResponse>("/api/nutrition/foods");
  if (state.kind === "loading") return state;
  const foods = state.kind === "loaded" ? state.data?.foods : undefined;
  return Array.isArray(foods) ? { kind: "loaded", foods } : { kind: "unavailable" };
}

"use client";

import type { ClientOption, ClientsListResponse } from "@/ui/api/api-types";
import { useApiGet } from "@/ui/api/use-api-get";

/** "unavailable" when the server has no clients route (or it failed): the form then hides the client field. */
export type ClientsState = { kind: "loading" } | { kind: "unavailable" } | { kind: "loaded"; clients: ClientOption[] };

export function useClients(): ClientsState {
  const { state } = useApiGet<ClientsListResponse>("/api/nutrition/clients");
  if (state.kind === "loading") return state;
  const clients = state.kind === "loaded" ? state.data?.clients : undefined;
  return Array.isArray(clients) ? { kind: "loaded", clients } : { kind: "unavailable" };
}

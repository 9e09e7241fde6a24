"use client";

import { useEffect, useState } from "react";
import type { ClientOption, ClientsListResponse } from "@/ui/api/api-types";
import { fetchJson } from "@/ui/api/fetch-json";

/** "unavailable" when the server has no clients route (or it failed): the form then hides the client field. */
export type ClientsState = { kind: "loading" } | { kind: "unavailable" } | { kind: "loaded"; clients: ClientOption[] };

export function useClients(): ClientsState {
  const [state, setState] = useState<ClientsState>({ kind: "loading" });
  useEffect(() => {
    let current = true;
    fetchJson<ClientsListResponse>("/api/nutrition/clients").then((result) => {
      if (!current) return;
      const clients = result.ok ? result.data?.clients : undefined;
      setState(Array.isArray(clients) ? { kind: "loaded", clients } : { kind: "unavailable" });
    });
    return () => {
      current = false;
    };
  }, []);
  return state;
}

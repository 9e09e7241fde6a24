import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { RuntimeMode } from "@/ui/api/api-types";

// Both modules keep a per-page-load cache, so every test loads fresh copies.
async function freshModules() {
  vi.resetModules();
  const { loadRuntimeMode } = await import("@/ui/api/runtime-mode");
  const { supabaseBrowserClient } = await import("@/ui/api/supabase-browser");
  return { loadRuntimeMode, supabaseBrowserClient };
}

const LOCAL: RuntimeMode = { planner: "offline", runner: "inline", auth: "local" };
const SUPABASE: RuntimeMode = {
  planner: "claude",
  runner: "inngest",
  auth: "supabase",
  supabase_url: "https://project.supabase.test",
  supabase_anon_key: "anon-key",
};

const createBrowserClient = vi.fn((url: string, key: string) => ({ url, key }));
vi.mock("@supabase/ssr", () => ({ createBrowserClient }));

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });

let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;

beforeEach(() => {
  fetchMock = vi.fn<typeof fetch>();
  vi.stubGlobal("fetch", fetchMock);
  createBrowserClient.mockClear();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("loadRuntimeMode", () => {
  it("asks the server once per page load, however many callers ask", async () => {
    const { loadRuntimeMode } = await freshModules();
    fetchMock.mockResolvedValue(json(200, LOCAL));

    const answers = await Promise.all([loadRuntimeMode(), loadRuntimeMode()]);
    await expect(loadRuntimeMode()).resolves.toEqual(LOCAL);

    expect(answers).toEqual([LOCAL, LOCAL]);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it("remembers a 404 (a server without the route) as null", async () => {
    const { loadRuntimeMode } = await freshModules();
    fetchMock.mockResolvedValue(json(404, { error: "not found" }));

    await expect(loadRuntimeMode()).resolves.toBeNull();
    await expect(loadRuntimeMode()).resolves.toBeNull();

    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it.each([
    ["a network failure", () => Promise.reject(new TypeError("Failed to fetch"))],
    ["a 500", () => Promise.resolve(json(500, { error: "boom" }))],
    ["a 503", () => Promise.resolve(json(503, {}))],
    ["an answer that is not a runtime mode", () => Promise.resolve(json(200, { planner: "gpt" }))],
  ])("does not remember %s: the next call asks again", async (_, firstAnswer) => {
    const { loadRuntimeMode } = await freshModules();
    fetchMock.mockImplementationOnce(firstAnswer).mockResolvedValueOnce(json(200, LOCAL));

    await expect(loadRuntimeMode()).resolves.toBeNull();
    await expect(loadRuntimeMode()).resolves.toEqual(LOCAL);
    await expect(loadRuntimeMode()).resolves.toEqual(LOCAL);

    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});

describe("the browser Supabase client", () => {
  it("is not kept as null when the runtime lookup failed, so a later call gets the client", async () => {
    const { supabaseBrowserClient } = await freshModules();
    fetchMock.mockResolvedValueOnce(json(502, {})).mockResolvedValueOnce(json(200, SUPABASE));

    await expect(supabaseBrowserClient()).resolves.toBeNull();
    const client = await supabaseBrowserClient();

    expect(client).toEqual({ url: SUPABASE.supabase_url, key: SUPABASE.supabase_anon_key });
    await expect(supabaseBrowserClient()).resolves.toBe(client);
    expect(createBrowserClient).toHaveBeenCalledTimes(1);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it("is null for local sign-in, without asking the server again each time", async () => {
    const { supabaseBrowserClient } = await freshModules();
    fetchMock.mockResolvedValue(json(200, LOCAL));

    await expect(supabaseBrowserClient()).resolves.toBeNull();
    await expect(supabaseBrowserClient()).resolves.toBeNull();

    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(createBrowserClient).not.toHaveBeenCalled();
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// fetchJson's one collaborator besides fetch: the Supabase token refresh.
const refreshSupabaseSession = vi.fn<() => Promise<boolean>>();
vi.mock("@/ui/api/supabase-browser", () => ({ refreshSupabaseSession }));

const { fetchJson } = await import("@/ui/api/fetch-json");

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;
let assign: ReturnType<typeof vi.fn<(url: string) => void>>;

/** Answer the calls to fetch in order. */
function answers(...responses: (Response | Error)[]) {
  for (const response of responses) {
    if (response instanceof Error) fetchMock.mockRejectedValueOnce(response);
    else fetchMock.mockResolvedValueOnce(response);
  }
}

beforeEach(() => {
  fetchMock = vi.fn<typeof fetch>();
  assign = vi.fn<(url: string) => void>();
  vi.stubGlobal("fetch", fetchMock);
  vi.stubGlobal("window", { location: { pathname: "/plans/abc", search: "?tab=days", assign } });
  refreshSupabaseSession.mockReset();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("fetchJson after a 401", () => {
  it("refreshes the session once and retries, and the retry's answer is the result", async () => {
    answers(json(401, { error: "expired" }), json(200, { plans: [] }));
    refreshSupabaseSession.mockResolvedValue(true);

    const result = await fetchJson("/api/nutrition/plans");

    expect(result).toEqual({ ok: true, status: 200, data: { plans: [] } });
    expect(refreshSupabaseSession).toHaveBeenCalledTimes(1);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(assign).not.toHaveBeenCalled();
  });

  it("sends the coach to sign-in, with the way back, when the retry is refused too", async () => {
    answers(json(401, { error: "expired" }), json(401, { error: "still expired" }));
    refreshSupabaseSession.mockResolvedValue(true);

    const result = await fetchJson("/api/nutrition/plans");

    expect(result).toMatchObject({ ok: false, status: 401, error: "still expired" });
    expect(refreshSupabaseSession).toHaveBeenCalledTimes(1);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(assign).toHaveBeenCalledExactlyOnceWith(`/sign-in?next=${encodeURIComponent("/plans/abc?tab=days")}`);
  });

  it("stays on the page when the retry fails for another reason", async () => {
    answers(json(401, {}), json(403, { error: "not your organisation" }));
    refreshSupabaseSession.mockResolvedValue(true);

    await expect(fetchJson("/api/nutrition/plans/x")).resolves.toMatchObject({ status: 403 });
    expect(assign).not.toHaveBeenCalled();
  });

  it("goes straight to sign-in when there is no session to refresh (or refreshing fails)", async () => {
    answers(json(401, {}), json(401, {}));
    refreshSupabaseSession.mockResolvedValueOnce(false).mockRejectedValueOnce(new Error("offline"));

    await fetchJson("/api/nutrition/plans");
    await fetchJson("/api/nutrition/plans");

    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(assign).toHaveBeenCalledTimes(2);
  });

  it("does not redirect from the sign-in page itself", async () => {
    vi.stubGlobal("window", { location: { pathname: "/sign-in", search: "", assign } });
    answers(json(401, {}));
    refreshSupabaseSession.mockResolvedValue(false);

    await fetchJson("/api/dev/session", { method: "POST", body: {} });

    expect(assign).not.toHaveBeenCalled();
  });
});

describe("fetchJson's failures", () => {
  it("passes on a 400's issue list, leaving out entries that are not { path, message }", async () => {
    answers(
      json(400, {
        error: "name is required",
        details: [
          { path: "name", message: "name is required" },
          { path: "intake_data.macro_split", message: "macro_split must add up to 100 (got 90)" },
          { path: 3, message: "not a path" },
          "just a string",
          null,
        ],
      }),
    );

    const result = await fetchJson("/api/nutrition/plans", { method: "POST", body: { name: "" } });

    expect(result).toEqual({
      ok: false,
      status: 400,
      error: "name is required",
      details: [
        { path: "name", message: "name is required" },
        { path: "intake_data.macro_split", message: "macro_split must add up to 100 (got 90)" },
      ],
    });
    expect(refreshSupabaseSession).not.toHaveBeenCalled();
  });

  it("has no issues when details is missing or not a list, and says what failed when the body does not", async () => {
    answers(json(400, { details: "oops" }), new Response("<html>", { status: 502 }), json(404, {}));

    await expect(fetchJson("/a")).resolves.toMatchObject({ status: 400, details: [] });
    await expect(fetchJson("/b")).resolves.toMatchObject({ status: 502, error: expect.stringMatching(/HTTP 502/) });
    await expect(fetchJson("/c")).resolves.toMatchObject({ status: 404, error: "Not found." });
  });

  it("reports an unreachable server as status 0 instead of throwing", async () => {
    answers(new TypeError("Failed to fetch"));

    await expect(fetchJson("/api/nutrition/plans")).resolves.toMatchObject({ ok: false, status: 0, details: [] });
  });

  it("sends a JSON body with its content type", async () => {
    answers(json(201, { id: "p1" }));

    await fetchJson("/api/nutrition/plans", { method: "POST", body: { name: "Week" } });

    const [, init] = fetchMock.mock.calls[0] ?? [];
    expect(init).toMatchObject({
      method: "POST",
      body: JSON.stringify({ name: "Week" }),
      headers: { "content-type": "application/json" },
    });
  });
});

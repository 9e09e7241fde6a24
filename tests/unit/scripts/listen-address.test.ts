import { describe, expect, it } from "vitest";
import { parseEnv } from "@/server/env";
import { listenAddress } from "../../../scripts/lib/listen-address";

const supabase = { SUPABASE_URL: "https://project.supabase.co", SUPABASE_ANON_KEY: "anon-key" };

describe("where npm run dev / npm start listen", () => {
  it.each(["dev", "start"] as const)("binds loopback only while passwordless local sign-in is on (%s)", (command) => {
    const address = listenAddress(parseEnv(command === "start" ? { LOCAL_AUTH: "1" } : {}), command);
    expect(address).toEqual({ hostname: "127.0.0.1", browseHost: "127.0.0.1", warning: undefined });
  });

  it("binds where HOSTNAME says, and warns that local sign-in is then exposed", () => {
    const address = listenAddress(parseEnv({ HOSTNAME: "0.0.0.0" }), "dev");
    expect(address.hostname).toBe("0.0.0.0");
    expect(address.warning).toMatch(/anyone who can reach 0\.0\.0\.0 can sign in as a coach/);
  });

  it("does not warn for another loopback name", () => {
    expect(listenAddress(parseEnv({ HOSTNAME: "localhost" }), "dev").warning).toBeUndefined();
  });

  it("binds as Next.js always did when Supabase Auth is configured", () => {
    expect(listenAddress(parseEnv(supabase), "start")).toEqual({
      hostname: undefined,
      browseHost: "localhost",
      warning: undefined,
    });
  });

  it("binds as Next.js always did for a production start without local sign-in", () => {
    expect(listenAddress(parseEnv({}), "start").hostname).toBeUndefined();
  });
});

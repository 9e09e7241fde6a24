import { describe, expect, it } from "vitest";
import { parseEnv } from "@/server/env";
import { listenAddress } from "../../../scripts/lib/listen-address";

const supabase = { SUPABASE_URL: "https://project.supabase.co", SUPABASE_ANON_KEY: "anon-key" };

describe("where npm run dev / npm start listen, and whether they switch local sign-in on", () => {
  it("npm run dev with no configuration: loopback only, local sign-in switched on explicitly", () => {
    expect(listenAddress(parseEnv({}), "dev")).toEqual({
      hostname: "127.0.0.1",
      browseHost: "127.0.0.1",
      warning: undefined,
      env: { LOCAL_AUTH: "1" },
      localSignIn: true,
    });
  });

  it("npm start with no configuration: loopback only, and the production build told it is on purpose", () => {
    expect(listenAddress(parseEnv({}), "start")).toEqual({
      hostname: "127.0.0.1",
      browseHost: "127.0.0.1",
      warning: undefined,
      env: { LOCAL_AUTH: "1", LOCAL_AUTH_UNSAFE: "1" },
      localSignIn: true,
    });
  });

  it("binds where HOSTNAME says, with local sign-in off there: a network client can write the headers its check reads", () => {
    for (const command of ["dev", "start"] as const) {
      const address = listenAddress(parseEnv({ HOSTNAME: "0.0.0.0" }), command);
      expect(address.hostname).toBe("0.0.0.0");
      expect(address.env).toEqual({});
      expect(address.localSignIn).toBe(false);
      expect(address.warning).toMatch(/local sign-in is off/);
    }
  });

  it("opens local sign-in on another interface only when LOCAL_AUTH_UNSAFE=1 was set by hand, and says who can then sign in", () => {
    const opened = listenAddress(parseEnv({ HOSTNAME: "0.0.0.0", LOCAL_AUTH_UNSAFE: "1" }), "start");
    expect(opened.env).toEqual({ LOCAL_AUTH: "1", LOCAL_AUTH_UNSAFE: "1" });
    expect(opened.localSignIn).toBe(true);
    expect(opened.warning).toMatch(/anyone who reaches 0\.0\.0\.0 can sign in/);
    expect(listenAddress(parseEnv({ HOSTNAME: "0.0.0.0", LOCAL_AUTH_UNSAFE: "1" }), "dev").env).toEqual({
      LOCAL_AUTH: "1",
    });
  });

  it("does not warn for another loopback name", () => {
    expect(listenAddress(parseEnv({ HOSTNAME: "localhost" }), "dev").warning).toBeUndefined();
  });

  it("binds as Next.js always did, switching nothing on, when Supabase Auth is configured", () => {
    expect(listenAddress(parseEnv(supabase), "start")).toEqual({
      hostname: undefined,
      browseHost: "localhost",
      warning: undefined,
      env: {},
      localSignIn: false,
    });
  });

  it("switches nothing on when LOCAL_AUTH=0 says not to", () => {
    const address = listenAddress(parseEnv({ LOCAL_AUTH: "0" }), "dev");
    expect(address.env).toEqual({});
    expect(address.hostname).toBeUndefined();
  });
});

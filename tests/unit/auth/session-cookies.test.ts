import { describe, expect, it } from "vitest";
import { sessionAccessToken } from "@/server/auth/authenticate";
import { encodeSessionCookie } from "@/server/auth/session-cookie";

const session = encodeSessionCookie({ access_token: "header.payload.signature", token_type: "bearer" });

describe("reading the session cookies @supabase/ssr and local sign-in write", () => {
  it("finds the access token in the local cookie and in a chunked Supabase cookie", () => {
    expect(sessionAccessToken([{ name: "sb-local-auth-token", value: session }])).toBe("header.payload.signature");
    expect(
      sessionAccessToken([
        { name: "theme", value: "dark" },
        { name: "sb-abcdefghij-auth-token.1", value: session.slice(20) },
        { name: "sb-abcdefghij-auth-token.0", value: session.slice(0, 20) },
      ]),
    ).toBe("header.payload.signature");
  });

  it("ignores other cookies, including Supabase's code verifier", () => {
    expect(sessionAccessToken([])).toBeUndefined();
    expect(
      sessionAccessToken([
        { name: "theme", value: session },
        { name: "sb-abcdefghij-auth-token-code-verifier", value: session },
        { name: "auth-token", value: session },
      ]),
    ).toBeUndefined();
  });
});

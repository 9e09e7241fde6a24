import { randomBytes, timingSafeEqual } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { projectPaths } from "@/server/database/local-defaults";

/**
 * The local sign-in key: what makes local sign-in a link rather than an open
 * door. The loopback check reads the Host and X-Forwarded-For headers, which
 * a forwarder in front of the server (a TCP forwarder, `ssh -L`, nginx's
 * default `proxy_pass`) passes off as this machine's; so local sign-in also
 * needs this key, which only this machine's user has. `npm run dev` /
 * `npm start` make a new one at each start and print the sign-in link
 * (`/sign-in?key=…`, as notebook servers do); scripts, tests and the demo
 * read it from `.data/local-sign-in-key` (mode 600: only the server's user
 * can read it) and send it with the sign-in request. A server started
 * another way makes the file on first use. Read at each sign-in, not
 * cached: a restarted launcher's new key holds at once.
 */

export const MISSING_KEY_MESSAGE =
  "Local sign-in needs the sign-in link the server printed when it started (or the key in .data/local-sign-in-key)";

const keyFile = () => projectPaths().localSignInKeyFile;

function writeKey(file: string, flag: "wx" | "w"): string {
  mkdirSync(path.dirname(file), { recursive: true });
  const key = randomBytes(32).toString("base64url");
  if (flag === "wx") {
    writeFileSync(file, key, { mode: 0o600, flag });
    return key;
  }
  // A new key replaces the old in one rename, so a reader never sees half of it.
  const next = `${file}.${process.pid}.tmp`;
  writeFileSync(next, key, { mode: 0o600 });
  chmodSync(next, 0o600);
  renameSync(next, file);
  return key;
}

/** A new key for this start (the launcher's): the old link stops working. */
export function newLocalSignInKey(file = keyFile()): string {
  return writeKey(file, "w");
}

/** The current key, made on first use when no launcher made one. */
export function localSignInKey(file = keyFile()): string {
  try {
    return readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as { code?: string }).code !== "ENOENT") throw error;
  }
  try {
    return writeKey(file, "wx");
  } catch (error) {
    // Another process made it first: use theirs.
    if ((error as { code?: string }).code !== "EEXIST") throw error;
    return readFileSync(file, "utf8").trim();
  }
}

/** Whether `given` is the current key (compared in constant time). */
export function localSignInKeyMatches(given: string | undefined, file = keyFile()): boolean {
  if (!given) return false;
  const expected = Buffer.from(localSignInKey(file));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** The sign-in link the launcher prints. */
export function localSignInLink(origin: string, key: string): string {
  return `${origin}/sign-in?key=${encodeURIComponent(key)}`;
}

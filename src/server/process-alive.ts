import { readFileSync } from "node:fs";

/**
 * Whether a process with this id exists on this machine and has not ended
 * (signal 0 checks without signalling). A zombie (ended, not yet reaped by its
 * parent, or by an init that reaps late) counts as ended: on Linux its state in
 * /proc is Z.
 */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists, it is just not ours to signal.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  return !isZombie(pid);
}

function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (comm) state ...": comm may contain spaces, so read after the last ")".
    return stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z");
  } catch {
    return false;
  }
}

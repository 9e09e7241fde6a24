import { readdirSync, readFileSync } from "node:fs";

/**
 * CPU time used so far by the machine's processes, read from /proc (Linux),
 * grouped by who they are: the app server (a process group), PostgreSQL (every
 * `postgres` process), and this process (the load generator and the event
 * stand-in). Differences between two readings say where a phase's CPU went.
 */
export type CpuSeconds = { server: number; database: number; generator: number };

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux this runs on

type ProcessTimes = { command: string; processGroup: number; seconds: number };

function readProcess(pid: string): ProcessTimes | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (command) state ppid pgrp …": the command may hold spaces, so split after its closing parenthesis.
    const close = stat.lastIndexOf(")");
    const command = stat.slice(stat.indexOf("(") + 1, close);
    const fields = stat.slice(close + 2).split(" ");
    const userTicks = Number(fields[11]);
    const systemTicks = Number(fields[12]);
    return { command, processGroup: Number(fields[2]), seconds: (userTicks + systemTicks) / TICKS_PER_SECOND };
  } catch {
    return undefined; // exited between the listing and the read
  }
}

export function cpuSeconds(serverProcessGroup: number): CpuSeconds {
  const totals: CpuSeconds = { server: 0, database: 0, generator: 0 };
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    const times = readProcess(pid);
    if (!times) continue;
    if (times.processGroup === serverProcessGroup) totals.server += times.seconds;
    else if (times.command === "postgres") totals.database += times.seconds;
  }
  const own = process.cpuUsage();
  totals.generator = (own.user + own.system) / 1e6;
  return totals;
}

export function cpuSince(before: CpuSeconds, serverProcessGroup: number): CpuSeconds {
  const now = cpuSeconds(serverProcessGroup);
  return {
    server: now.server - before.server,
    database: now.database - before.database,
    generator: now.generator - before.generator,
  };
}

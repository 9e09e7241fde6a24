import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { processIsAlive } from "@/server/process-alive";

describe("processIsAlive", () => {
  it("is true for a running process and false once it has exited", async () => {
    const child = spawn("sleep", ["5"], { stdio: "ignore" });
    const pid = child.pid ?? 0;
    expect(processIsAlive(pid)).toBe(true);
    child.kill("SIGKILL");
    await once(child, "exit");
    expect(processIsAlive(pid)).toBe(false);
  });

  it("is false for a zombie: a killed postmaster whose parent has not reaped it yet", async () => {
    // The shell starts `sleep 0`, prints its pid, and becomes `sleep 5`, which never reaps it.
    const parent = spawn("sh", ["-c", "sleep 0 & echo $!; exec sleep 5"], { stdio: ["ignore", "pipe", "ignore"] });
    const [line] = (await once(parent.stdout, "data")) as [Buffer];
    const zombie = Number(line.toString().trim());
    await new Promise((resolve) => setTimeout(resolve, 300));
    try {
      expect(processIsAlive(zombie)).toBe(false);
    } finally {
      parent.kill("SIGKILL");
    }
  });
});

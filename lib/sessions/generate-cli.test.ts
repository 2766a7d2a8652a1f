import { spawn } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { seedSampleProfiles } from "@/lib/profiles/queries";

// `npm run generate` as a user runs it: a child process on this file's database.

const ROOT = path.resolve(import.meta.dirname, "../..");

function generate(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "lib/cli/generate.ts", ...args],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        SIMULATOR_LATENCY_MS: "0",
        SIMULATOR_TOKENS_PER_SECOND: "0",
        OPENAI_API_KEY: "",
        LLM_BASE_URL: "",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

let profileIds: string[] = [];
beforeAll(async () => {
  await seedSampleProfiles();
  const profiles = await getDb().clientProfile.findMany({ orderBy: { name: "asc" }, take: 2 });
  profileIds = profiles.map((p) => p.id);
});

describe("npm run generate", () => {
  it("creates and runs a session per profile, and sums them up", async () => {
    const run = await generate(["--variant", "magnet", "--profiles", profileIds.join(","), "--rounds", "2"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Generating 2 magnet session(s) of up to 2 rounds");
    expect(run.stdout).toContain("offline-simulator (the offline simulator, not a language model)");
    expect(run.stdout).toContain("Method: as published (no departures)");
    expect(run.stdout).toMatch(
      /2 of 2 session\(s\) in [\d.]+ s: 2 completed · 0 ended by the client · 0 stopped · 0 failed/,
    );
    expect(run.stdout).toMatch(/^4 rounds \([\d.]+\/s\) · tokens [\d,]+ in, [\d,]+ out$/m);

    const sessions = await getDb().session.findMany({ include: { rounds: true } });
    expect(sessions.map((s) => s.profileId).sort()).toEqual([...profileIds].sort());
    for (const session of sessions) {
      expect(session).toMatchObject({ variant: "magnet", status: "completed", roundCount: 2, maxRounds: 2 });
      expect(session.rounds).toHaveLength(2);
    }
  }, 60_000);

  it("exits 1 naming the bad flag, before touching the database", async () => {
    const before = await getDb().session.count();
    const [unknown, rounds, variant] = await Promise.all([
      generate(["--profiles", "all", "--bogus"]),
      generate(["--profiles", "all", "--rounds", "50"]),
      generate(["--profiles", "all", "--variant", "magnet2"]),
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("unknown flag --bogus");
    expect(rounds.code).toBe(1);
    expect(rounds.stderr).toContain('--rounds must be a whole number from 1 to 40 (got "50")');
    expect(variant.code).toBe(1);
    expect(variant.stderr).toContain("--variant must be one of magnet,");
    expect(await getDb().session.count()).toBe(before);
  }, 60_000);

  it("freezes the departures its flags name into the sessions' config", async () => {
    const flags = ["--fuse-selected-only", "--short-answers", "--min-rounds-before-end", "2"];
    const run = await generate(["--profiles", profileIds[0], "--rounds", "2", ...flags]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "Method: departs from the paper: Fuses only the chosen candidates; Short answers asked for; Client may not end before round 2",
    );
    const session = await getDb().session.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    expect(session.config).toMatchObject({
      minRoundsBeforeEnd: 2,
      switches: { fuseSelectedOnly: true, shortAnswers: true },
    });
    const bad = await generate(["--profiles", "all", "--rounds", "3", "--min-rounds-before-end", "4"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("--min-rounds-before-end must be a whole number from 0 to 3");
  }, 60_000);

  it("exits 1 naming unknown profile ids", async () => {
    const run = await generate(["--profiles", `${profileIds[0]},nope`, "--rounds", "1"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("No client profile with id nope");
  }, 60_000);
});

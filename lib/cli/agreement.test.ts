import { spawn } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

// `npm run agreement` as a researcher runs it, on Krippendorff (2011)'s worked example written as
// a unit,coder,value CSV with blank and absent values.

const ROOT = path.resolve(import.meta.dirname, "../..");

function agreement(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "lib/cli/agreement.ts", ...args],
    {
      cwd: ROOT,
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

const lastLine = (text: string) => text.trimEnd().split("\n").at(-1);

const OBSERVERS: Record<string, string> = {
  A: "1,2,3,3,2,1,4,1,2,,,",
  B: "1,2,3,3,2,2,4,1,2,5,,3",
  C: ",3,3,3,2,3,4,2,2,5,1,",
  D: "1,2,3,3,2,4,4,1,2,5,1,",
};

let dir = "";
let example = "";
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "agreement-"));
  example = path.join(dir, "ratings.csv");
  const rows = Object.entries(OBSERVERS).flatMap(([coder, values]) =>
    values
      .split(",")
      .map((value, i) => ({ unit: `unit ${i + 1}`, coder, value }))
      // An absent row and a blank value are both missing.
      .filter((row) => !(row.value === "" && row.coder === "A"))
      .map(({ unit, coder, value }) => `"${unit}",${coder},${value}`),
  );
  await writeFile(example, `unit,coder,value\r\n${rows.join("\r\n")}\r\n`);
});

describe("npm run agreement", () => {
  it.each([
    ["nominal", "0.7434"],
    ["ordinal", "0.8154"],
    ["interval", "0.8491"],
    ["ratio", "0.7974"],
  ])("prints %s alpha %s on its last line", async (level, alpha) => {
    const run = await agreement(["--", "--file", example, "--level", level]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("45 ratings (4 missing) of 12 units by 4 coders");
    expect(run.stdout).toContain("Pairable values: 40");
    expect(run.stdout).toContain("Percent agreement: 80.0%");
    expect(lastLine(run.stdout)).toBe(`Krippendorff's alpha (${level}): ${alpha}`);
  });

  it("names a bad level, a missing file and the line of a bad header or value", async () => {
    const badLevel = await agreement(["--file", example, "--level", "likert"]);
    expect(badLevel.code).toBe(1);
    expect(badLevel.stderr).toMatch(
      /^Error: --level "likert" is unknown \(one of nominal, ordinal, interval, ratio\)/,
    );

    const missing = await agreement(["--file", path.join(dir, "none.csv"), "--level", "nominal"]);
    expect(missing.stderr).toContain("none.csv: no such file");

    const header = path.join(dir, "header.csv");
    await writeFile(header, "item,annotator,score\n1,a,2\n");
    const badHeader = await agreement(["--file", header, "--level", "ordinal"]);
    expect(badHeader.code).toBe(1);
    expect(badHeader.stderr).toContain("header.csv, line 1: the header lacks unit, coder, value");

    const value = path.join(dir, "value.csv");
    await writeFile(value, "unit,coder,value\n1,a,2\n1,b,often\n");
    const badValue = await agreement(["--file", value, "--level", "interval"]);
    expect(badValue.stderr).toContain('value.csv, line 3: value "often" is not a number (interval level)');
    expect(badValue.stdout).toBe("");
  });

  it("says when alpha is undefined", async () => {
    const same = path.join(dir, "same.csv");
    await writeFile(same, "unit,coder,value\n1,a,3\n1,b,3\n2,a,3\n2,b,3\n");
    const run = await agreement(["--file", same, "--level", "ordinal"]);
    expect(run.code).toBe(0);
    expect(lastLine(run.stdout)).toBe(
      "Krippendorff's alpha (ordinal): undefined (no pairable values or no variation)",
    );
  });
});

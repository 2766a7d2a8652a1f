import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { importPaths } from "@/lib/import-export/magnet";
import { readPublishedSession, SESSIONS_DIR } from "@/lib/import-export/testing";
import { diversityOf } from "./diversity";
import { listDiversitySets, measureDiversity } from "./diversity-sets";

// Diversity measured for a set the Sessions list selects, stored once per measurement with both units.

beforeAll(async () => {
  const files = [1, 2, 3].map((n) => path.join(SESSIONS_DIR, `session_${n}.json`));
  expect((await importPaths(files)).imported).toBe(3);
});

describe("measuring the diversity of a filtered set", () => {
  it("stores the paper's Llama-3 scores and the word-level variant for exactly the selected sessions", async () => {
    const measured = await measureDiversity({ source: "imported", limit: 2 });
    expect(measured.sessions).toBe(2);
    expect(measured.filter).toEqual({ source: "imported", limit: 2 });
    expect(measured.llama3.unit).toBe("llama3");
    expect(measured.words.unit).toBe("words");
    expect(measured.words.ead).toBeNull();

    const all = await measureDiversity({ source: "imported" });
    const expected = await diversityOf(
      [1, 2, 3].map((n) => readPublishedSession(n).dialogue.map((m) => m.message)),
    );
    expect(all.sessions).toBe(3);
    expect(all.llama3).toEqual(expected.llama3);
    expect(all.words).toEqual(expected.words);
    expect(all.digest).not.toBe(measured.digest);

    const listed = await listDiversitySets();
    expect(listed.map((s) => s.sessions)).toEqual([3, 2]);
  });

  it("refuses a set with no session, naming the filter, and stores nothing", async () => {
    const before = (await listDiversitySets()).length;
    await expect(measureDiversity({ source: "generated" })).rejects.toMatchObject({
      code: "unprocessable",
      issues: [{ field: "filter", message: "selects no session with rounds" }],
    });
    expect((await listDiversitySets()).length).toBe(before);
  });
});

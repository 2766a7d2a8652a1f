import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MAX_IMPORT_FILES, MAX_IMPORT_RECORDS } from "./limits";
import { itemsFromSources, readImportPaths } from "./sources";

const session = { AI_client: {}, AI_counselor: {}, cbt_technique: "x", dialogue: [] };

describe("itemsFromSources", () => {
  it("reads a seed array as one item per record, named by index", () => {
    const { items, failures } = itemsFromSources([
      { name: "seeds.json", text: JSON.stringify([{ a: 1 }, { b: 2 }]) },
    ]);
    expect(failures).toEqual([]);
    expect(items.map((item) => [item.kind, item.record, item.file])).toEqual([
      ["seed", "index 0", "seeds.json"],
      ["seed", "index 1", "seeds.json"],
    ]);
  });

  it("reads a session object under its file name, whatever the file is called", () => {
    const { items } = itemsFromSources([{ name: "upload.json", text: JSON.stringify(session) }]);
    expect(items).toMatchObject([{ kind: "session", record: "upload.json" }]);
  });

  it("reports unreadable JSON and unknown shapes by file name", () => {
    const { items, failures } = itemsFromSources([
      { name: "session_3.json", text: "{ not json" },
      { name: "other.json", text: JSON.stringify({ hello: "world" }) },
      { name: "session_4.json", text: "[]" },
    ]);
    expect(items).toEqual([]);
    expect(failures.map((failure) => failure.record)).toEqual([
      "session_3.json",
      "other.json",
      "session_4.json",
    ]);
    expect(failures[0].reason).toMatch(/not valid JSON/);
  });

  it("reads the official scripts' output (an object with a history) as a session, whatever its name", () => {
    const official = { example: {}, cbt_technique: null, cbt_plan: null, cost: 0, history: [] };
    const { items } = itemsFromSources([{ name: "upload.json", text: JSON.stringify(official) }]);
    expect(items).toMatchObject([{ kind: "session", record: "upload.json" }]);
  });

  it("refuses an import of more files or records than allowed, before parsing them", () => {
    const files = Array.from({ length: MAX_IMPORT_FILES + 1 }, (_, i) => ({
      name: `session_${i}.json`,
      text: "{}",
    }));
    expect(() => itemsFromSources(files)).toThrow(
      /^Too many files: 2001 files; one import takes at most 2000$/,
    );
    const zeros = { name: "zeros.json", text: `[${"0,".repeat(MAX_IMPORT_RECORDS)}0]` };
    expect(() => itemsFromSources([zeros])).toThrow(
      /^Too many records \(zeros\.json\): more than 10,000 records/,
    );
    const half = { name: "half.json", text: JSON.stringify(Array(MAX_IMPORT_RECORDS / 2 + 1).fill(0)) };
    expect(() => itemsFromSources([half, { ...half, name: "other-half.json" }])).toThrow(
      /^Too many records \(other-half\.json\)/,
    );
  });

  it("fails a file with an oversized inner list without parsing it", () => {
    const text = `{"history":[${"0,".repeat(MAX_IMPORT_RECORDS)}0]}`;
    const { items, failures } = itemsFromSources([{ name: "session_1.json", text }]);
    expect(items).toEqual([]);
    expect(failures).toEqual([
      {
        record: "session_1.json",
        file: "session_1.json",
        reason: "holds a list or object of more than 10000 entries",
      },
    ]);
  });

  it("treats any object in a session_*.json file as a session, so its fields are checked", () => {
    const { items } = itemsFromSources([{ name: "session_9.json", text: JSON.stringify({ AI_client: {} }) }]);
    expect(items).toMatchObject([{ kind: "session", record: "session_9.json" }]);
  });
});

describe("readImportPath", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "magnet-sources-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("takes session files and seed arrays from a directory, in natural order, and ignores the rest", async () => {
    writeFileSync(path.join(dir, "session_10.json"), JSON.stringify(session));
    writeFileSync(path.join(dir, "session_2.json"), JSON.stringify(session));
    writeFileSync(path.join(dir, "seeds.json"), JSON.stringify([]));
    writeFileSync(path.join(dir, "settings.json"), JSON.stringify({ theme: "dark" }));
    writeFileSync(path.join(dir, "notes.txt"), "not json");
    const sources = await readImportPaths([dir]);
    expect(sources.map((source) => source.name)).toEqual([
      "seeds.json",
      "session_2.json",
      "session_10.json",
      "settings.json",
    ]);
    const { items, failures } = itemsFromSources(sources);
    expect(failures).toEqual([]);
    expect(items.map((item) => item.record)).toEqual(["session_2.json", "session_10.json"]);
  });

  it("names files found in subfolders by their path, so methods' session_1.json files differ", async () => {
    const nested = mkdtempSync(path.join(dir, "methods-"));
    mkdirSync(path.join(nested, "cactus"));
    mkdirSync(path.join(nested, "magnet"));
    writeFileSync(path.join(nested, "cactus", "session_1.json"), JSON.stringify(session));
    writeFileSync(path.join(nested, "magnet", "session_1.json"), JSON.stringify(session));
    const sources = await readImportPaths([nested]);
    expect(sources.map((source) => source.name)).toEqual([
      path.join("cactus", "session_1.json"),
      path.join("magnet", "session_1.json"),
    ]);
  });

  it("says when the path does not exist", async () => {
    await expect(readImportPaths([path.join(dir, "missing")])).rejects.toThrow(/does not exist/);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { itemsFromSources, readImportPath } from "./sources";

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
    const sources = await readImportPath(dir);
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

  it("says when the path does not exist", async () => {
    await expect(readImportPath(path.join(dir, "missing"))).rejects.toThrow(/does not exist/);
  });
});

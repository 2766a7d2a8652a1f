import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { importPaths } from "@/lib/import-export/magnet";
import { SEED_FILE, SESSIONS_DIR } from "@/lib/import-export/testing";
import { chatExamples, splitOf } from "./chat";
import { CSV_COLUMNS } from "./csv";
import { toOfficialOutput } from "./magnet";
import { streamExportSessions } from "./records";
import { PAPER_SPLIT } from "./schema";
import { exportToDir } from "./write-dir";
import { exportTextStream, exportZipStream } from "./zip";

// The 400 published sessions are imported once; every format is exported from them and checked
// against the source files.

const out = mkdtempSync(path.join(tmpdir(), "export-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));
const sourceFiles = readdirSync(SESSIONS_DIR).filter((name) => name.endsWith(".json"));
const readJson = (file: string): unknown => JSON.parse(readFileSync(file, "utf8"));
const dialogueOfSource = (name: string) => {
  const value = readJson(path.join(SESSIONS_DIR, name));
  if (typeof value !== "object" || value === null || !("dialogue" in value)) throw new Error(name);
  return value;
};

beforeAll(async () => {
  const summary = await importPaths([SEED_FILE, SESSIONS_DIR]);
  expect(summary.failed).toBe(0);
}, 120_000);

describe("exports of the 400 published sessions", () => {
  it("magnet-json: one session_N.json per session whose dialogue, technique and plan equal the source's", async () => {
    const dir = path.join(out, "json");
    const result = await exportToDir("magnet-json", {}, PAPER_SPLIT, dir);
    expect(result.tally.sessions).toBe(400);
    expect(readdirSync(path.join(dir, "magnet")).sort()).toEqual([...sourceFiles].sort());
    for (const name of sourceFiles) {
      const source = dialogueOfSource(name);
      const exported = readJson(path.join(dir, "magnet", name));
      expect(exported, name).toMatchObject({
        dialogue: Reflect.get(source, "dialogue"),
        cbt_technique: Reflect.get(source, "cbt_technique"),
        cbt_plan: Reflect.get(source, "cbt_plan"),
        AI_client: {
          intake_form: Reflect.get(Reflect.get(source, "AI_client"), "intake_form"),
          attitude: Reflect.get(Reflect.get(source, "AI_client"), "attitude"),
        },
      });
    }
  }, 120_000);

  it("chat-jsonl: 8,000 pairs, 20 per session, split by session number 1–270 / 271–300", async () => {
    const dir = path.join(out, "chat");
    const result = await exportToDir("chat-jsonl", {}, PAPER_SPLIT, dir);
    expect(result.tally.records).toBe(8000);
    const numbers = sourceFiles.map((name) => Number(name.match(/\d+/)?.[0]));
    const expected = { train: 0, validation: 0, other: 0 };
    for (const n of numbers) expected[splitOf(n, PAPER_SPLIT)] += 20;
    expect(result.tally.bySplit).toEqual(expected);
    const lines = readFileSync(path.join(dir, "validation.jsonl"), "utf8").trim().split("\n");
    expect(lines).toHaveLength(expected.validation);
    const first = JSON.parse(lines[0]);
    // The input: system (client information + reason), the opening pair; the target: the first reply.
    expect(first.messages.map((m: { role: string }) => m.role)).toEqual([
      "system",
      "assistant",
      "user",
      "assistant",
    ]);
  }, 120_000);

  it("chat pairs of one session: the target is each counselor message after the opening, the input everything before it", async () => {
    const [session] = await collect(streamExportSessions({ limit: 1 }));
    const examples = chatExamples(session);
    expect(examples).toHaveLength(session.rounds.length);
    examples.forEach((example, i) => {
      expect(example.messages.at(-1)).toEqual({
        role: "assistant",
        content: session.rounds[i].counselorReply,
      });
      expect(example.messages).toHaveLength(2 + 2 * (i + 1));
      expect(example.messages[0].content).toContain(session.profile.reasonForCounseling);
      expect(example.messages[0].content).toContain(session.profile.clientInformation);
    });
  });

  it("a custom split moves sessions between the files; --limit keeps the first N sessions across them", async () => {
    const result = await exportToDir(
      "chat-jsonl",
      { limit: 10 },
      { train: { from: 1, to: 5 }, validation: { from: 6, to: 450 } },
      path.join(out, "chat-custom"),
    );
    expect(result.tally.sessions).toBe(10);
    expect(result.tally.records).toBe(200);
    expect(result.tally.bySplit.other).toBe(0);
  });

  it("magnet-raw: the official scripts' shape, which the importer reads back as the same session", async () => {
    const [session] = await collect(streamExportSessions({ limit: 1 }));
    const raw = toOfficialOutput(session);
    expect(Object.keys(raw).sort()).toEqual(["cbt_plan", "cbt_technique", "cost", "example", "history"]);
    expect(raw.history).toHaveLength(2 + 2 * session.rounds.length);
    const dir = path.join(out, "raw");
    await exportToDir("magnet-raw", { limit: 3 }, PAPER_SPLIT, dir);
    const reimport = await importPaths([dir]);
    // Same content, same variant: the importer sees the sessions it already holds.
    expect(reimport).toMatchObject({ imported: 0, skipped: 3, failed: 0 });
  });

  it("csv: a header and one row per round (8,000)", async () => {
    const text = await new Response(exportTextStream("csv", {}, PAPER_SPLIT)).text();
    expect(text.startsWith(`${CSV_COLUMNS.join(",")}\r\n`)).toBe(true);
    // Rows may span lines inside quoted cells; count the unquoted line ends.
    let rows = 0;
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '"') quoted = !quoted;
      else if (!quoted && text[i] === "\n") rows++;
    }
    expect(rows - 1).toBe(8000);
  }, 60_000);

  it("the download zip holds the same files as the folder export", async () => {
    const bytes = new Uint8Array(
      await new Response(exportZipStream("magnet-json", { limit: 5 }, PAPER_SPLIT)).arrayBuffer(),
    );
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toHaveLength(5);
    for (const [name, content] of Object.entries(files)) {
      const source = dialogueOfSource(path.basename(name));
      expect(JSON.parse(new TextDecoder().decode(content)).dialogue).toEqual(Reflect.get(source, "dialogue"));
    }
    expect(await getDb().session.count()).toBe(400);
  });
});

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { officialOutput, readSeeds } from "@/lib/import-export/testing";
import { testKeyFor } from "@/lib/testing/call-route";
import { POST } from "./route";

// Through the route handler itself, with the bodies a browser or a hostile client would send.

const URL = "http://127.0.0.1/api/import";
const MB = 1024 * 1024;
const seeds = readSeeds();

async function stored() {
  const db = getDb();
  return {
    profiles: await db.clientProfile.count(),
    sessions: await db.session.count(),
    rounds: await db.round.count(),
  };
}

function formWith(files: { name: string; text: string }[], variant?: string): FormData {
  const form = new FormData();
  for (const file of files)
    form.append("files", new File([file.text], file.name, { type: "application/json" }));
  if (variant !== undefined) form.append("variant", variant);
  return form;
}

async function post(body: BodyInit, extraHeaders: Record<string, string> = {}) {
  const headers = { authorization: `Bearer ${await testKeyFor("researcher")}`, ...extraHeaders };
  const response = await POST(
    new Request(URL, { method: "POST", body, headers, duplex: "half" } as RequestInit),
    {},
  );
  return { status: response.status, body: await response.json() };
}

describe("POST /api/import", () => {
  it("imports an official output file under the variant chosen in the form", async () => {
    const text = JSON.stringify(officialOutput(seeds, 20, "psych8k_baseline"));
    const { status, body } = await post(formWith([{ name: "session_20.json", text }], "psych8k_baseline"));
    expect(status).toBe(200);
    expect(body).toMatchObject({ imported: 1, skipped: 0, failed: 0, errorsNotListed: 0 });
    expect(await getDb().session.findFirstOrThrow({ where: { sessionNumber: 20 } })).toMatchObject({
      variant: "psych8k_baseline",
      technique: null,
    });
  });

  it("refuses an unknown variant, naming the field", async () => {
    const before = await stored();
    const text = JSON.stringify(officialOutput(seeds, 21, "magnet"));
    const { status, body } = await post(formWith([{ name: "session_21.json", text }], "gpt_only"));
    expect(status).toBe(400);
    expect(body.error.issues).toEqual([{ field: "variant", message: expect.any(String) }]);
    expect(await stored()).toEqual(before);
  });

  it("answers 422 naming the record when nothing in the upload could be imported", async () => {
    const before = await stored();
    const broken = officialOutput(seeds, 22, "magnet");
    broken.history[4].role = "client";
    const { status, body } = await post(
      formWith([{ name: "session_22.json", text: JSON.stringify(broken) }]),
    );
    expect(status).toBe(422);
    expect(body.error.message).toMatch(
      /^Nothing was imported\. session_22\.json: history\.4\.role: expected "counselor"/,
    );
    expect(body.error.issues).toEqual([
      { field: "session_22.json", message: expect.stringMatching(/^history\.4\.role/) },
    ]);
    expect(await stored()).toEqual(before);
  });

  it("refuses 64 MB of [0,0,0,…] with 413 in bounded memory, storing nothing", async () => {
    const before = await stored();
    const text = `[${"0,".repeat(32_000_000)}0]`;
    expect(text.length).toBeGreaterThan(64_000_000);
    const form = formWith([{ name: "zeros.json", text }]);
    const memory = process.memoryUsage();
    const { status, body } = await post(form);
    const after = process.memoryUsage();
    expect(status).toBe(413);
    expect(body.error).toMatchObject({
      code: "too_large",
      message: "Too many records (zeros.json): more than 10,000 records; one import takes at most 10,000",
      issues: [{ field: "zeros.json", message: expect.any(String) }],
    });
    // Reading the upload costs a few copies of it; judging 32 million records would cost gigabytes.
    const grown = after.heapUsed + after.arrayBuffers - (memory.heapUsed + memory.arrayBuffers);
    expect(grown).toBeLessThan(400 * MB);
    expect(await stored()).toEqual(before);
  });

  it("refuses more than 2,000 files with 413", async () => {
    const before = await stored();
    const files = Array.from({ length: 2001 }, (_, i) => ({ name: `session_${i + 1}.json`, text: "{}" }));
    const { status, body } = await post(formWith(files));
    expect(status).toBe(413);
    expect(body.error).toMatchObject({
      code: "too_large",
      message: "Too many files: 2001 files; one import takes at most 2000",
      issues: [{ field: "files" }],
    });
    expect(await stored()).toEqual(before);
  });

  it("refuses a Content-Length over 64 MB without reading the body", async () => {
    const before = await stored();
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1024));
        if (pulled === 10) controller.close();
      },
    });
    const headers = { "content-type": "multipart/form-data; boundary=x", "content-length": String(100 * MB) };
    const response = await post(body, headers);
    expect(response.status).toBe(413);
    expect(response.body.error).toMatchObject({
      code: "too_large",
      message: "Too large: the request body is 100 MB; the limit is 64 MB",
      issues: [{ field: "files" }],
    });
    expect(pulled).toBeLessThanOrEqual(1);
    expect(await stored()).toEqual(before);
  });

  it("cuts off a chunked body without Content-Length as soon as it passes 64 MB", async () => {
    const before = await stored();
    let sent = 0;
    const chunk = new Uint8Array(MB).fill(0x30);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // An endless body: only the limit stops it.
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const response = await post(body, { "content-type": "multipart/form-data; boundary=x" });
    expect(response.status).toBe(413);
    expect(response.body.error.message).toBe("Too large: the request body is over 64 MB; the limit is 64 MB");
    expect(sent).toBeLessThan(70 * MB);
    expect(await stored()).toEqual(before);
  });

  it("says what to send when the body is not multipart", async () => {
    const { status, body } = await post("{}", { "content-type": "application/json" });
    expect(status).toBe(415);
    expect(body.error.issues).toEqual([{ field: "content-type", message: "must be multipart/form-data" }]);
  });
});

import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { readLimitedBody } from "./read-limited-body";

const MB = 1024 * 1024;

function streamOf(chunks: number, size: number) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled += 1;
      controller.enqueue(new Uint8Array(size).fill(pulled));
      if (pulled === chunks) controller.close();
    },
  });
  return { body, pulled: () => pulled };
}

const request = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request("http://127.0.0.1/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (error instanceof AppError) return error;
  throw new Error("expected an AppError");
}

describe("readLimitedBody", () => {
  it("returns a body within the limit, byte for byte", async () => {
    const { body } = streamOf(3, 1000);
    const bytes = await readLimitedBody(request(body), 3000, "files");
    expect(bytes).toHaveLength(3000);
    expect([bytes[0], bytes[1000], bytes[2999]]).toEqual([1, 2, 3]);
  });

  it("refuses a declared length over the limit before reading", async () => {
    const { body, pulled } = streamOf(5, 10);
    const error = await refusal(
      readLimitedBody(request(body, { "content-length": String(65 * MB) }), 64 * MB, "files"),
    );
    expect(error).toMatchObject({ code: "too_large", status: 413, issues: [{ field: "files" }] });
    expect(error.message).toBe("Too large: the request body is 65 MB; the limit is 64 MB");
    expect(pulled()).toBeLessThanOrEqual(1);
  });

  it("cuts off a body longer than it declared, or declaring nothing, at the limit", async () => {
    const lying = streamOf(100, 1000);
    const error = await refusal(
      readLimitedBody(request(lying.body, { "content-length": "10" }), 5000, "files"),
    );
    expect(error.status).toBe(413);
    expect(lying.pulled()).toBeLessThanOrEqual(7);
    const chunked = streamOf(100, 1000);
    await expect(readLimitedBody(request(chunked.body), 5000, "files")).rejects.toThrow(/^Too large/);
    expect(chunked.pulled()).toBeLessThanOrEqual(7);
  });

  it("reads a request without a body as empty", async () => {
    expect(await readLimitedBody(request(null), 10, "files")).toHaveLength(0);
  });
});

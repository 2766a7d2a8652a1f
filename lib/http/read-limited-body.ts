import { AppError } from "@/lib/errors";

const MB = 1024 * 1024;

/**
 * The request body as bytes, never more than `maxBytes` of it: a Content-Length over the limit is
 * refused before reading, and a body without one (chunked) is counted as it arrives and cut off as
 * soon as it passes the limit. Either way the answer is a 413 naming `field`.
 */
export async function readLimitedBody(
  request: Request,
  maxBytes: number,
  field: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(`is ${Math.ceil(declared / MB)} MB`, maxBytes, field);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(`is over ${Math.floor(maxBytes / MB)} MB`, maxBytes, field);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

function tooLarge(size: string, maxBytes: number, field: string): AppError {
  const message = `the request body ${size}; the limit is ${Math.floor(maxBytes / MB)} MB`;
  return new AppError("too_large", `Too large: ${message}`, [{ field, message }]);
}

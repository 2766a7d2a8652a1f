import { type Decoded, WireDecoder } from "./live-wire";

/**
 * Reads a live-wire stream (a session's or the playground's) line by line, yielding what each chunk
 * decodes to as one batch, so a reader can apply a chunk's events in one render. Leaving the loop
 * early (a resync) cancels the stream.
 */
export async function* readWire(body: ReadableStream<Uint8Array>): AsyncGenerator<Decoded[]> {
  const reader = body.getReader();
  const text = new TextDecoder();
  const decoder = new WireDecoder();
  let buffered = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffered += text.decode(value, { stream: true });
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      const batch = lines.flatMap((line) => decoder.decode(line) ?? []);
      if (batch.length) yield batch;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}

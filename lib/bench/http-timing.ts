import { studioAuthHeaders } from "@/lib/bench/studio-auth";
import { now } from "./stream-client";

export interface Timed {
  /** Request sent to the last byte of the body read, per measured request. */
  timesMs: number[];
  /** Bytes of the last body. */
  bytes: number;
}

/** Times `count` sequential GETs of the whole body after `warmUp` unmeasured ones. */
export async function timeGets(url: string, count: number, warmUp = 3): Promise<Timed> {
  const timesMs: number[] = [];
  let bytes = 0;
  for (let i = 0; i < warmUp + count; i++) {
    const started = now();
    const response = await fetch(url, { headers: studioAuthHeaders(), signal: AbortSignal.timeout(30_000) });
    const body = await response.arrayBuffer();
    const elapsed = now() - started;
    if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
    bytes = body.byteLength;
    if (i >= warmUp) timesMs.push(elapsed);
  }
  return { timesMs, bytes };
}

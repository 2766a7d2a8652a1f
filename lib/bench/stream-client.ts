import http from "node:http";
import { studioAuthHeaders } from "@/lib/bench/studio-auth";
import { type Decoded, WireDecoder } from "@/lib/live/live-wire";
import type { PipelineEvent } from "@/lib/pipeline/events";

// A watcher of a session's live stream, as the browser is one: one HTTP/1.1 GET + WireDecoder, with
// the arrival time and size of every line. node:http rather than fetch, for a socket of its own
// whose byte count includes HTTP's chunked framing.

export interface ReceivedLine {
  /** Epoch ms with sub-ms precision, the clock of the fake server's chunk times. */
  at: number;
  /** The line and its newline: the wire format's bytes. */
  bytes: number;
  /** Its share of the bytes read from the socket (chunked framing included). */
  socketBytes: number;
  text: string;
  decoded: Decoded | null;
}

export interface SessionWatch {
  lines: ReceivedLine[];
  /** Resolves with the session-ended event; rejects if the stream ends first or the deadline passes. */
  ended: Promise<Extract<PipelineEvent, { type: "session-ended" }>>;
  close(): void;
}

const open = new Set<http.ClientRequest>();

/** Ends every open watch: an open stream would hold the app's graceful shutdown for its full timeout. */
export function closeAllWatches(): void {
  for (const request of open) request.destroy();
  open.clear();
}

export function now(): number {
  return performance.timeOrigin + performance.now();
}

/** Opens the stream and resolves once its response headers arrived (the snapshot follows). */
export function watchSession(baseUrl: string, sessionId: string, timeoutMs: number): Promise<SessionWatch> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      `${baseUrl}/api/sessions/${sessionId}/stream`,
      { agent: false, headers: studioAuthHeaders() },
      (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          return reject(new Error(`GET stream: HTTP ${response.statusCode}`));
        }
        const lines: ReceivedLine[] = [];
        const ended = read(response, lines, timeoutMs);
        // Errors surface through `ended`; keep an unawaited rejection from crashing the process.
        ended.catch(() => {});
        resolve({ lines, ended, close: () => request.destroy() });
      },
    );
    open.add(request);
    request.on("close", () => open.delete(request));
    request.on("error", reject);
  });
}

function read(response: http.IncomingMessage, lines: ReceivedLine[], timeoutMs: number) {
  const decoder = new WireDecoder();
  const socket = response.socket;
  let socketRead = socket.bytesRead;
  // Socket and body bytes not yet assigned to complete lines; a line gets its share of the socket's.
  let pendingSocket = 0;
  let pendingBody = 0;
  let buffered = "";
  response.setEncoding("utf8");
  return new Promise<Extract<PipelineEvent, { type: "session-ended" }>>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The session did not end within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    const settle = () => clearTimeout(timer);
    response.on("data", (text: string) => {
      const at = now();
      pendingSocket += socket.bytesRead - socketRead;
      socketRead = socket.bytesRead;
      pendingBody += Buffer.byteLength(text);
      buffered += text;
      let end = buffered.indexOf("\n");
      while (end >= 0) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 1);
        const decoded = decoder.decode(line);
        const bytes = Buffer.byteLength(line) + 1;
        const socketBytes = (pendingSocket * bytes) / pendingBody;
        pendingSocket -= socketBytes;
        pendingBody -= bytes;
        lines.push({ at, bytes, socketBytes, text: line, decoded });
        if (decoded?.kind === "event" && decoded.event.type === "session-ended") {
          settle();
          resolve(decoded.event);
        }
        end = buffered.indexOf("\n");
      }
    });
    response.on("end", () => {
      settle();
      reject(new Error("The stream ended before the session did"));
    });
    response.on("error", (error) => {
      settle();
      reject(error);
    });
  });
}

// Saves one annotation (a round's, or a session's forms) a moment after the last change, one save at
// a time, each based on the version the previous one returned. A 409 (another tab saved first)
// stops saving and keeps the unsaved data, so nothing is overwritten and nothing is dropped; the
// page asks the person to reload. A failed save (offline, server error) is retried.

export type SaveState = "saved" | "unsaved" | "saving" | "conflict" | "error";

export interface SaveStatus {
  state: SaveState;
  message: string | null;
}

const RETRY_MS = 5_000;

export class Autosaver<T> {
  private version: number;
  private pending: T | null = null;
  private inFlight = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  status: SaveStatus = { state: "saved", message: null };

  constructor(
    private readonly url: string,
    version: number,
    private readonly onStatus: (status: SaveStatus) => void,
    private readonly delayMs = 800,
    /** Sent with every save besides the version and the data (e.g. which pair of sessions). */
    private readonly fixed: Record<string, unknown> = {},
  ) {
    this.version = version;
  }

  change(data: T): void {
    if (this.status.state === "conflict") {
      this.pending = data;
      return;
    }
    this.pending = data;
    this.set("unsaved", null);
    this.schedule(this.delayMs);
  }

  /** Saves now whatever is unsaved (the `s` key, leaving the page); resolves when it is stored. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    if (this.inFlight || this.pending === null || this.status.state === "conflict") return;
    const data = this.pending;
    this.pending = null;
    this.inFlight = true;
    this.set("saving", null);
    let retry = false;
    try {
      const response = await fetch(this.url, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...this.fixed, baseVersion: this.version, data }),
      });
      const body = await response.json().catch(() => null);
      if (response.ok) {
        this.version = body.version;
      } else {
        this.pending ??= data;
        const message: string = body?.error?.message ?? `Saving failed (${response.status})`;
        if (response.status === 409) return this.set("conflict", message);
        // A 4xx will not pass on a retry; a 5xx might.
        retry = response.status >= 500;
        return this.set("error", message);
      }
    } catch {
      this.pending ??= data;
      retry = true;
      return this.set("error", "Could not reach the studio; your changes are kept here and retried.");
    } finally {
      this.inFlight = false;
      if (retry) this.schedule(RETRY_MS);
    }
    if (this.pending !== null) await this.flush();
    else this.set("saved", null);
  }

  get dirty(): boolean {
    return this.pending !== null || this.inFlight;
  }

  dispose(): void {
    clearTimeout(this.timer);
  }

  private schedule(ms: number) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), ms);
  }

  private set(state: SaveState, message: string | null) {
    this.status = { state, message };
    this.onStatus(this.status);
  }
}

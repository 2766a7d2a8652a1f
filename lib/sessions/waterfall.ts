// The round waterfall as plain data: bars on a common time axis and the critical path. Client-safe.

export interface WaterfallBar {
  id: string;
  role: string;
  attempt: number;
  status: string;
  /** ms since the epoch, on the server's clock. */
  start: number;
  /** For a call still running: now. */
  end: number;
  running: boolean;
}

export interface PlacedBar extends WaterfallBar {
  /** Percent of the axis. */
  left: number;
  width: number;
  critical: boolean;
}

/**
 * The chain of calls that decided when the round ended: from the call that finished last, back through
 * the call that finished last before it started, and so on. Its length is the round's wall time minus
 * the gaps; every other call overlapped it.
 */
export function criticalPath(bars: WaterfallBar[]): string[] {
  const path: string[] = [];
  let current = bars.reduce<WaterfallBar | null>(
    (last, bar) => (!last || bar.end > last.end ? bar : last),
    null,
  );
  while (current) {
    path.unshift(current.id);
    const start = current.start;
    // A call that has just started has no length yet (end = start): it must not precede itself.
    current = bars.reduce<WaterfallBar | null>(
      (best, bar) =>
        bar.end <= start && !path.includes(bar.id) && (!best || bar.end > best.end) ? bar : best,
      null,
    );
  }
  return path;
}

/** Bars placed on one axis from the first start to the last end, in start order. */
export function placeBars(bars: WaterfallBar[]): { bars: PlacedBar[]; spanMs: number } {
  if (bars.length === 0) return { bars: [], spanMs: 0 };
  const t0 = Math.min(...bars.map((bar) => bar.start));
  const spanMs = Math.max(1, Math.max(...bars.map((bar) => bar.end)) - t0);
  const critical = new Set(criticalPath(bars));
  const placed = [...bars]
    .sort((a, b) => a.start - b.start || a.role.localeCompare(b.role))
    .map((bar) => ({
      ...bar,
      left: ((bar.start - t0) / spanMs) * 100,
      width: Math.max(0.5, ((bar.end - bar.start) / spanMs) * 100),
      critical: critical.has(bar.id),
    }));
  return { bars: placed, spanMs };
}

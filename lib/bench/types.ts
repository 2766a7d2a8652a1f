/** What every part of `npm run bench` is given. */
export interface BenchOptions {
  /** The fake server's first-token latency per call. */
  latencyMs: number;
  tokensPerSecond: number;
  /** Tokens per answer of the fake server. */
  answerTokens: number;
  rounds: number;
  /** Rounds of the live-stream part's session. */
  liveRounds: number;
  /**
   * Tokens per answer in the live-stream part: a realistic turn, since the wire's fixed cost per call
   * is judged against the text of the call (the paper's counselor turns: median 76 words).
   */
  liveAnswerTokens: number;
  /** Also print where the time and CPU of a run go (the queue part). */
  detail?: boolean;
  /** Progress lines (stderr), kept apart from the report. */
  log: (line: string) => void;
}

export interface Target {
  name: string;
  value: number;
  /** "max": value ≤ goal passes; "min": value ≥ goal passes. */
  kind: "max" | "min";
  goal: number;
}

export interface BenchPartResult {
  /** Lines of the printed report. */
  report: string[];
  targets: Target[];
  /** Keys of the `--json` file this part contributes. */
  json: Record<string, number>;
}

/** One measurement of the bench (engine, and later streaming overhead, page timing, ...). */
export interface BenchPart {
  name: string;
  run(options: BenchOptions): Promise<BenchPartResult>;
}

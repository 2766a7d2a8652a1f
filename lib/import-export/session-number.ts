// The number N of an official `session_N.json`. The scripts write one file per seed, N = seed index
// + 1, and the paper fine-tunes on sessions 1–270 and validates on 271–300. Safe for client code.

const SESSION_FILE_NUMBER = /^session_(\d{1,9})\.json$/i;

/** "dir/session_12.json" → 12; null for any other name. */
export function sessionNumberOf(fileName: string): number | null {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const match = SESSION_FILE_NUMBER.exec(base);
  const number = match ? Number(match[1]) : 0;
  return number >= 1 ? number : null;
}

export type PaperSplit = "train" | "validation";

/** The paper's fine-tuning split a session number falls in, if any. */
export function paperSplitOf(sessionNumber: number | null): PaperSplit | null {
  if (sessionNumber === null || sessionNumber < 1) return null;
  if (sessionNumber <= 270) return "train";
  return sessionNumber <= 300 ? "validation" : null;
}

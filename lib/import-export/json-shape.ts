// A look at a JSON text's shape before parsing it: JSON.parse of a large list of tiny values (say
// 64 MB of `[0,0,…]`) builds tens of millions of values at once, and each would then be judged as a
// record. This scan counts entries per array or object and stops at the first one past the limit.

export type JsonShape =
  | { ok: true }
  | { ok: false; reason: "entries"; depth: number }
  | { ok: false; reason: "depth"; depth: number };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN = new Set([0x5b, 0x7b]); // [ {
const CLOSE = new Set([0x5d, 0x7d]); // ] }

/**
 * Checks that no array or object holds more than `maxEntries` entries and that nesting stays within
 * `maxDepth`. Depth 1 is the top-level value. Malformed JSON passes; JSON.parse reports it later.
 */
export function checkJsonShape(text: string, maxEntries: number, maxDepth: number): JsonShape {
  const commas: number[] = [];
  let inString = false;
  let escaped = false;
  for (let at = 0; at < text.length; at++) {
    const char = text.charCodeAt(at);
    if (inString) {
      if (escaped) escaped = false;
      else if (char === BACKSLASH) escaped = true;
      else if (char === QUOTE) inString = false;
    } else if (char === QUOTE) {
      inString = true;
    } else if (OPEN.has(char)) {
      commas.push(0);
      if (commas.length > maxDepth) return { ok: false, reason: "depth", depth: commas.length };
    } else if (CLOSE.has(char)) {
      commas.pop();
    } else if (char === COMMA && commas.length > 0) {
      const top = commas.length - 1;
      commas[top] += 1;
      // n commas separate n + 1 entries.
      if (commas[top] >= maxEntries) return { ok: false, reason: "entries", depth: commas.length };
    }
  }
  return { ok: true };
}

// Turns a model's raw reply into the words a speaker says: no speaker labels, no wrapping quotes, no
// "Here is my reply:" preambles, and nothing of a second speaker's turn the model went on to invent.

const SPEAKERS = "counselor|counsellor|therapist|client|patient|assistant|user";
const SPEAKER_PREFIX = new RegExp(`^[*_\\s]*(?:${SPEAKERS})[*_\\s]*(?:\\([^)]*\\))?[*_\\s]*:[*_\\s]*`, "i");
const META_PREFIX =
  /^(?:(?:sure|okay|ok|certainly)[,!.]?\s*)?(?:here(?:'s| is) (?:my|the|a) (?:next )?(?:reply|response|answer|message)[^:\n]*|(?:final |counselor |client )?(?:response|reply|answer|output|message))\s*:\s*/i;
const NEXT_TURN = new RegExp(`\\n\\s*[*_]*(?:${SPEAKERS})[*_]*\\s*:`, "i");
const QUOTE_PAIRS: [string, string][] = [
  ['"', '"'],
  ["“", "”"],
  ["'", "'"],
  ["‘", "’"],
];

export function cleanOutput(raw: string): string {
  let text = cutAtNextTurn(raw.trim());
  for (let pass = 0; pass < 4; pass++) {
    const before = text;
    text = unwrapQuotes(text.replace(META_PREFIX, "").replace(SPEAKER_PREFIX, "").trim());
    if (text === before) break;
  }
  return text;
}

/** Keeps the first turn only when the model wrote a dialogue ("...\nClient: ..."). */
function cutAtNextTurn(text: string): string {
  const body = text.replace(SPEAKER_PREFIX, "");
  const offset = text.length - body.length;
  const next = body.search(NEXT_TURN);
  return next > 0 ? text.slice(0, offset + next).trim() : text;
}

function unwrapQuotes(text: string): string {
  for (const [open, close] of QUOTE_PAIRS) {
    const inner = text.slice(open.length, text.length - close.length);
    if (
      text.length >= open.length + close.length &&
      text.startsWith(open) &&
      text.endsWith(close) &&
      !inner.includes(close)
    ) {
      return inner.trim();
    }
  }
  return text;
}

import { defaultAnswer, type FakeBehaviour, type FakeChatRequest } from "@/lib/testing/fake-openai-server";

// The fake server's default answers with a marker `~<n>` on every filler word, n unique over the bench
// run, so that a token seen by the stream client can be matched to the moment the fake wrote it.
// The head of an answer ("Techniques: reflection, questioning", "Technique: …") stays as it is: the
// engine parses it.

const TOKENS = /\s*\S+\s*$|\s*\S+/g;
const MARKER = /~(\d+)/g;

let next = 1;

export function uniqueAnswer(request: FakeChatRequest, behaviour: FakeBehaviour): string {
  const text = defaultAnswer(request, behaviour.answerTokens);
  if (request.json) return text;
  // With one token the answer is its head plus one filler word.
  const headTokens = (defaultAnswer(request, 1).match(TOKENS)?.length ?? 1) - 1;
  const tokens = text.match(TOKENS) ?? [];
  return tokens
    .map((token, i) => (i < headTokens ? token : token.replace(/^(\s*\S*?)(\.?\s*)$/, `$1~${next++}$2`)))
    .join("");
}

/** The markers in a piece of text. */
export function markersOf(text: string): number[] {
  return [...text.matchAll(MARKER)].map((match) => Number(match[1]));
}

import type { PromptV4 } from "../model-types";

/** What the simulator can write; "counselor" covers the baselines and any prompt it cannot place. */
export type SimulatedRole =
  | "planner"
  | "reflection"
  | "questioning"
  | "providing_solutions"
  | "normalization"
  | "psycho_education"
  | "selector"
  | "fuser"
  | "client"
  | "counselor:cactus"
  | "judge"
  | "summarizer"
  | "counselor";

export interface PromptReading {
  role: SimulatedRole;
  system: string;
  user: string;
}

export interface Line {
  speaker: "counselor" | "client";
  text: string;
}

export function readPrompt(prompt: PromptV4): PromptReading {
  const system = prompt
    .filter((m) => m.role === "system")
    .map((m) => m.content)
    .join("\n");
  const user = prompt
    .filter((m) => m.role === "user")
    .flatMap((m) => m.content)
    .map((part) => (part.type === "text" ? part.text : ""))
    .join("\n");
  return { role: roleFromMarker(system) ?? guessRole(`${system}\n${user}`), system, user };
}

const MARKER = /^\s*Role:\s*([a-z_:0-9-]+)\s*$/im;

/** Reads the `Role: <role>` marker line every default prompt starts with (see lib/prompts/template.ts). */
function roleFromMarker(system: string): SimulatedRole | null {
  const marker = system.match(MARKER)?.[1];
  if (!marker) return null;
  if (marker.startsWith("specialist:")) return marker.slice("specialist:".length) as SimulatedRole;
  if (marker === "counselor:cactus") return marker;
  if (marker.startsWith("judge:")) return "judge";
  if (marker.startsWith("counselor")) return "counselor";
  const known: SimulatedRole[] = ["planner", "selector", "fuser", "client", "summarizer"];
  return known.find((r) => r === marker) ?? null;
}

/** Fallback for prompts without a marker: look for the inputs each role's prompt is built around. */
function guessRole(text: string): SimulatedRole {
  if (text.includes("[/END]")) return "client";
  if (text.includes("<candidates>") || text.includes("<candidate ")) return "fuser";
  if (text.includes("<technique_options>")) return "selector";
  if (text.includes("<technique_list>") || text.includes("<first_utterance>")) return "planner";
  return "counselor";
}

/** The content of a tagged section `<name>...</name>`, or null. */
export function sectionOf(text: string, name: string): string | null {
  const match = text.match(new RegExp(`<${name}>\\s*([\\s\\S]*?)\\s*</${name}>`));
  return match ? match[1] : null;
}

export function historyLines(reading: PromptReading): Line[] {
  const history = sectionOf(reading.user, "history") ?? reading.user;
  const lines: Line[] = [];
  for (const raw of history.split("\n")) {
    const match = raw.match(/^\s*(Counselor|Client)\s*:\s*(.*)$/i);
    if (match) lines.push({ speaker: match[1].toLowerCase() as Line["speaker"], text: match[2].trim() });
  }
  return lines;
}

export function lastWordsOf(lines: readonly Line[], speaker: Line["speaker"]): string {
  return [...lines].reverse().find((l) => l.speaker === speaker)?.text ?? "";
}

export function candidatesIn(text: string): { technique: string; text: string }[] {
  const found = text.matchAll(/<candidate technique="([^"]*)">\s*([\s\S]*?)\s*<\/candidate>/g);
  return [...found].map((m) => ({ technique: m[1], text: m[2] }));
}

/** The prompt ends by asking for a short answer (the short-answers switch of a session). */
export function asksForShortAnswer(reading: PromptReading): boolean {
  const lastParagraph =
    reading.user
      .trim()
      .split(/\n\s*\n/)
      .at(-1) ?? "";
  return /\bkeep (?:it|the plan|your reply) short\b/i.test(lastParagraph);
}

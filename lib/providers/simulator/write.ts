import { writeClient } from "./client-writer";
import {
  writeCounselor,
  writeFusion,
  writeNormalization,
  writePsychoEducation,
  writeQuestion,
  writeReflection,
  writeSolution,
} from "./counselor-writers";
import { writeJudgement } from "./judge-writer";
import { writePlan, writeSelection } from "./planning-writers";
import type { PromptReading } from "./prompt-reading";
import { hashText, seededRandom } from "./random";
import { writeSummary } from "./summary-writer";

export interface WriteOptions {
  /** The caller asked for JSON (structured output). */
  json: boolean;
  endRound: number | null;
}

/** The simulator's answer to a prompt: deterministic for the same prompt, fitted to the role it plays. */
export function writeAnswer(reading: PromptReading, options: WriteOptions): string {
  const rng = seededRandom(hashText(`${reading.system}\n${reading.user}`));
  switch (reading.role) {
    case "planner":
      return writePlan(reading, rng);
    case "reflection":
      return writeReflection(reading, rng);
    case "questioning":
      return writeQuestion(reading, rng);
    case "providing_solutions":
      return writeSolution(reading, rng);
    case "normalization":
      return writeNormalization(reading, rng);
    case "psycho_education":
      return writePsychoEducation(reading, rng);
    case "selector":
      return writeSelection(reading, rng, options.json);
    case "fuser":
      return writeFusion(reading, rng);
    case "client":
      return writeClient(reading, rng, { endRound: options.endRound });
    case "counselor:cactus":
      return writeCounselor(reading, rng, true);
    case "counselor":
      return writeCounselor(reading, rng, false);
    case "judge":
      return writeJudgement(reading, rng);
    case "summarizer":
      return writeSummary(reading, rng);
  }
}

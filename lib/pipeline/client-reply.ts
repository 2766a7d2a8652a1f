import { cleanOutput } from "./clean";

export const END_MARKER = "[/END]";

export interface ClientReply {
  text: string;
  /** The client wrote the end marker (whether or not the engine honours it yet). */
  endRequested: boolean;
}

/** Strips the end marker (and any near-spelling such as "[END]") and cleans the rest. */
export function parseClientReply(raw: string): ClientReply {
  const marker = /\[\s*\/?\s*end\s*\]/gi;
  const endRequested = marker.test(raw);
  return { text: cleanOutput(raw.replace(marker, " ").replace(/[ \t]{2,}/g, " ")), endRequested };
}

import { MAX_ROUNDS_LIMIT } from "@/lib/sessions/schema";

// How much one import may hold. Bounds keep a hostile or mistaken input from exhausting the memory
// of the process that also runs sessions; the real data sits far below each of them.

/** One upload (the multipart body) or one file read from disk. The seed file is about 2 MB. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
/** Bytes read from disk in one CLI import, over all its files. */
export const MAX_IMPORT_TOTAL_BYTES = 512 * 1024 * 1024;
/** Files in one import: the official scripts write one file per seed (450 per method). */
export const MAX_IMPORT_FILES = 2_000;
/** Records (seed records plus session files) in one import. */
export const MAX_IMPORT_RECORDS = 10_000;
/** Entries of any one JSON array or object, checked before parsing. */
export const MAX_JSON_ENTRIES = MAX_IMPORT_RECORDS;
/** Nesting of JSON arrays and objects; the formats need six levels. */
export const MAX_JSON_DEPTH = 32;
/** Messages of an imported dialogue: the opening pair, then a counselor and a client message for each
 * of at most as many rounds as the studio can generate. */
export const MAX_DIALOGUE_MESSAGES = 2 + 2 * MAX_ROUNDS_LIMIT;
/** Failures listed in a summary; the rest are only counted. */
export const MAX_LISTED_ERRORS = 100;

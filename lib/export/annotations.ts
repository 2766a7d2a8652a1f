import "server-only";
import type { RoundAnnotationData, SessionAnnotationData } from "@/lib/annotations/schema";
import { getDb, type Prisma } from "@/lib/db/client";
import { finetuneSystemMessage } from "@/lib/prompts/finetune-counselor";
import type { ChatExample, ChatMessage } from "./chat";
import { csvLine } from "./csv";
import { type ExportScope, exportWhere } from "./records";

// Every annotation, one row per item: a round's ratings, techniques, candidate verdicts, safety
// flag, gold rewrite and comments, and a session's form answers. Read in pages, so an export of any
// size holds one page in memory. Gold rewrites also become fine-tuning pairs in the chat-jsonl shape:
// the dialogue before the round as input, the clinician's reply as the target.

const PAGE = 200;

export const ANNOTATION_COLUMNS = [
  "session_id",
  "round",
  "annotator_id",
  "annotator",
  "item",
  "value",
  "comment",
  "version",
  "created_at",
  "updated_at",
] as const;

export interface AnnotationRow {
  session_id: string;
  round: number | null;
  annotator_id: string;
  annotator: string;
  item: string;
  value: string | number | null;
  comment: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

const annotationSelect = {
  id: true,
  sessionId: true,
  target: true,
  roundIndex: true,
  data: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  author: { select: { id: true, email: true } },
} satisfies Prisma.AnnotationSelect;
type StoredAnnotation = Prisma.AnnotationGetPayload<{ select: typeof annotationSelect }>;

async function* streamAnnotations(
  scope: ExportScope,
  where: Prisma.AnnotationWhereInput = {},
): AsyncGenerator<StoredAnnotation> {
  const db = getDb();
  const filter: Prisma.AnnotationWhereInput = { ...where, session: exportWhere(scope) };
  let cursor: string | undefined;
  for (;;) {
    const page = await db.annotation.findMany({
      where: filter,
      select: annotationSelect,
      orderBy: { id: "asc" },
      take: PAGE,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
    });
    yield* page;
    if (page.length < PAGE) return;
    cursor = page[page.length - 1].id;
  }
}

/** The item rows of one stored annotation; empty answers are not rows. */
export function annotationRows(annotation: StoredAnnotation): AnnotationRow[] {
  const base = {
    session_id: annotation.sessionId,
    round: annotation.target === "round" ? annotation.roundIndex : null,
    annotator_id: annotation.author.id,
    annotator: annotation.author.email,
    version: annotation.version,
    created_at: annotation.createdAt.toISOString(),
    updated_at: annotation.updatedAt.toISOString(),
  };
  const row = (
    item: string,
    value: string | number | null,
    comment: string | null = null,
  ): AnnotationRow => ({
    ...base,
    item,
    value,
    comment,
  });
  if (annotation.target === "session") {
    const forms = annotation.data as unknown as Partial<SessionAnnotationData>;
    return Object.entries(forms).flatMap(([form, answers]) =>
      Object.entries(answers ?? {}).flatMap(([key, value]) =>
        typeof value === "number" ? [row(`${form}.${key}`, value)] : [],
      ),
    );
  }
  const data = annotation.data as unknown as Partial<RoundAnnotationData>;
  const rows: AnnotationRow[] = [];
  for (const [key, value] of Object.entries(data.ratings ?? {})) {
    if (typeof value === "number") rows.push(row(`rating.${key}`, value));
  }
  if (data.techniques?.length) rows.push(row("techniques", data.techniques.join("; ")));
  for (const [technique, verdict] of Object.entries(data.candidates ?? {})) {
    if (verdict) rows.push(row(`candidate.${technique}`, verdict));
  }
  if (data.bestCandidate) rows.push(row("best_candidate", data.bestCandidate));
  if (data.safety) rows.push(row("safety_flag", data.safety.category, data.safety.note || null));
  if (data.goldRewrite) rows.push(row("gold_rewrite", data.goldRewrite));
  if (data.comment) rows.push(row("comment", null, data.comment));
  for (const span of data.spanComments ?? []) {
    rows.push(row(`span_comment.${span.start}-${span.end}`, span.quote, span.text));
  }
  return rows;
}

/** Pairwise preferences: one row per aspect, on the pair's first session, naming the other in `comment`. */
async function* streamPreferenceRows(scope: ExportScope): AsyncGenerator<AnnotationRow> {
  const db = getDb();
  let cursor: string | undefined;
  for (;;) {
    const page = await db.pairwisePreference.findMany({
      where: { sessionA: exportWhere(scope), sessionB: exportWhere(scope) },
      select: {
        id: true,
        sessionAId: true,
        sessionBId: true,
        data: true,
        version: true,
        createdAt: true,
        updatedAt: true,
        author: { select: { id: true, email: true } },
      },
      orderBy: { id: "asc" },
      take: PAGE,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
    });
    for (const p of page) {
      const preferences = (p.data as { preferences?: Record<string, string> }).preferences ?? {};
      for (const [aspect, choice] of Object.entries(preferences)) {
        yield {
          session_id: p.sessionAId,
          round: null,
          annotator_id: p.author.id,
          annotator: p.author.email,
          item: `preference.${aspect}`,
          value: choice,
          comment: `versus ${p.sessionBId}`,
          version: p.version,
          created_at: p.createdAt.toISOString(),
          updated_at: p.updatedAt.toISOString(),
        };
      }
    }
    if (page.length < PAGE) return;
    cursor = page[page.length - 1].id;
  }
}

async function* allRows(scope: ExportScope): AsyncGenerator<AnnotationRow> {
  for await (const annotation of streamAnnotations(scope)) yield* annotationRows(annotation);
  yield* streamPreferenceRows(scope);
}

export async function* annotationCsvChunks(scope: ExportScope, onRow?: () => void): AsyncGenerator<string> {
  yield csvLine(ANNOTATION_COLUMNS);
  for await (const row of allRows(scope)) {
    onRow?.();
    yield csvLine(ANNOTATION_COLUMNS.map((column) => row[column]));
  }
}

export async function* annotationJsonlChunks(scope: ExportScope, onRow?: () => void): AsyncGenerator<string> {
  for await (const row of allRows(scope)) {
    onRow?.();
    yield `${JSON.stringify(row)}\n`;
  }
}

/** One chat example per gold rewrite: the dialogue up to the round's counselor turn, then the rewrite. */
export async function* goldPairChunks(scope: ExportScope, onPair?: () => void): AsyncGenerator<string> {
  const db = getDb();
  // Annotations come in id order, so one session's rewrites are spread out: each session is read once.
  const dialogues = new Map<string, SessionDialogue>();
  for await (const annotation of streamAnnotations(scope, { target: "round" })) {
    const gold = (annotation.data as Partial<RoundAnnotationData>).goldRewrite?.trim();
    if (!gold) continue;
    const { sessionId } = annotation;
    const dialogue = dialogues.get(sessionId) ?? (await dialogueOf(db, sessionId));
    dialogues.set(sessionId, dialogue);
    // Turn 0 is the opening greeting; the counselor turn of round r is turn 2r.
    const before = dialogue.turns.slice(0, 2 * annotation.roundIndex);
    const example: ChatExample & { session_id: string; round: number; annotator: string } = {
      messages: [dialogue.system, ...before, { role: "assistant", content: gold }],
      session_id: annotation.sessionId,
      round: annotation.roundIndex,
      annotator: annotation.author.email,
    };
    onPair?.();
    yield `${JSON.stringify(example)}\n`;
  }
}

interface SessionDialogue {
  system: ChatMessage;
  turns: ChatMessage[];
}

async function dialogueOf(db: ReturnType<typeof getDb>, sessionId: string): Promise<SessionDialogue> {
  const session = await db.session.findUniqueOrThrow({
    where: { id: sessionId },
    select: {
      openingCounselor: true,
      openingClient: true,
      profile: { select: { clientInformation: true, reasonForCounseling: true } },
      rounds: { orderBy: { index: "asc" }, select: { counselorReply: true, clientReply: true } },
    },
  });
  const turns: ChatMessage[] = [
    { role: "assistant", content: session.openingCounselor },
    { role: "user", content: session.openingClient },
  ];
  for (const round of session.rounds) {
    turns.push({ role: "assistant", content: round.counselorReply });
    turns.push({ role: "user", content: round.clientReply ?? "" });
  }
  const system: ChatMessage = {
    role: "system",
    content: finetuneSystemMessage(session.profile.clientInformation, session.profile.reasonForCounseling),
  };
  return { system, turns };
}

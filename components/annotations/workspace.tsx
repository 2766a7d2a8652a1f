"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { MyQueueWork } from "@/lib/annotations/queues";
import { LIKERT_ITEMS, type MySessionAnnotations, type RoundAnnotationData } from "@/lib/annotations/schema";
import type { AnnotationSessionView } from "@/lib/annotations/session-view";
import { SPECIALIST_TECHNIQUES } from "@/lib/cbt/techniques";
import { Autosaver, type SaveStatus } from "./autosaver";
import { type KeyMode, RoundForm } from "./round-form";
import { SaveIndicator } from "./save-indicator";
import { SessionForms } from "./session-forms";
import { ShortcutSheet } from "./shortcut-sheet";
import { REPLY_ATTRIBUTE } from "./span-comments";
import { Transcript } from "./transcript";

interface Props {
  work: MyQueueWork;
  current: { session: AnnotationSessionView; mine: MySessionAnnotations; round: number } | null;
}

const EMPTY: RoundAnnotationData = {
  ratings: {},
  techniques: [],
  candidates: {},
  bestCandidate: null,
  safety: null,
  goldRewrite: "",
  comment: "",
  spanComments: [],
};

export function AnnotationWorkspace({ work, current }: Props) {
  if (!current) {
    return (
      <>
        <Header work={work} />
        <Card className="p-6 text-sm text-fg-muted">No sessions of this queue are assigned to you.</Card>
      </>
    );
  }
  return <Workspace work={work} {...current} />;
}

function Header({ work, children }: { work: MyQueueWork; children?: React.ReactNode }) {
  return (
    <header className="mb-4 flex flex-wrap items-end justify-between gap-3">
      <div>
        <p className="text-xs text-fg-muted">
          <Link href="/annotate" className="underline">
            Annotate
          </Link>{" "}
          / queue
        </p>
        <h1 className="text-xl font-semibold tracking-tight">{work.name}</h1>
      </div>
      {children}
    </header>
  );
}

function Workspace({
  work,
  session,
  mine,
  round: initialRound,
}: NonNullable<Props["current"]> & { work: MyQueueWork }) {
  const router = useRouter();
  const [round, setRound] = useState(initialRound);
  const [view, setView] = useState<"round" | "forms">("round");
  const [annotations, setAnnotations] = useState<Record<number, RoundAnnotationData>>(() =>
    Object.fromEntries(session.rounds.map((r) => [r.index, { ...EMPTY, ...mine.rounds[r.index]?.data }])),
  );
  const [statuses, setStatuses] = useState<Record<number, SaveStatus>>({});
  const [saved, setSaved] = useState(() => new Set(Object.keys(mine.rounds).map(Number)));
  // Keys can come faster than React renders: the key handler reads these through refs that it moves
  // itself, so "4 5 3 2" rates four items and "t 1" toggles a technique before the next render.
  const [focusedItem, focusRef, setFocusedItem] = useKeyState(0);
  const [mode, modeRef, setMode] = useKeyState<KeyMode>("rate");
  const [sheetOpen, setSheetOpen] = useState(false);
  const savers = useRef(new Map<number, Autosaver<RoundAnnotationData>>());

  const saverOf = useCallback(
    (index: number) => {
      let saver = savers.current.get(index);
      if (!saver) {
        saver = new Autosaver<RoundAnnotationData>(
          `/api/annotations/sessions/${session.id}/rounds/${index}`,
          mine.rounds[index]?.version ?? 0,
          (status) => {
            setStatuses((all) => ({ ...all, [index]: status }));
            if (status.state === "saved") setSaved((all) => new Set(all).add(index));
          },
        );
        savers.current.set(index, saver);
      }
      return saver;
    },
    [session.id, mine.rounds],
  );

  const change = useCallback(
    (index: number, edit: (data: RoundAnnotationData) => RoundAnnotationData) => {
      setAnnotations((all) => {
        const next = edit(all[index] ?? EMPTY);
        saverOf(index).change(next);
        return { ...all, [index]: next };
      });
    },
    [saverOf],
  );

  const flushAll = useCallback(async () => {
    await Promise.all([...savers.current.values()].map((s) => s.flush()));
  }, []);

  const itemAt = work.items.findIndex((i) => i.sessionId === session.id);
  const goTo = useCallback(
    async (sessionIndex: number, roundIndex: number | "last") => {
      await flushAll();
      const item = work.items[sessionIndex];
      const r = roundIndex === "last" ? item.rounds : roundIndex;
      router.push(`/annotate/${work.id}?session=${item.sessionId}&round=${r}`);
    },
    [flushAll, router, work],
  );

  const move = useCallback(
    (step: 1 | -1) => {
      const target = round + step;
      if (target >= 1 && target <= session.rounds.length) {
        setRound(target);
        setFocusedItem(0);
        setView("round");
        window.history.replaceState(null, "", `/annotate/${work.id}?session=${session.id}&round=${target}`);
      } else if (step === 1 && itemAt + 1 < work.items.length) void goTo(itemAt + 1, 1);
      else if (step === -1 && itemAt > 0) void goTo(itemAt - 1, "last");
    },
    [round, session, work.id, work.items.length, itemAt, goTo, setFocusedItem],
  );

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey) return;
      const target = event.target as HTMLElement;
      const typing =
        target instanceof HTMLTextAreaElement ||
        target instanceof HTMLSelectElement ||
        (target instanceof HTMLInputElement && !["radio", "checkbox"].includes(target.type));
      if (typing) {
        if (event.key === "Escape") target.blur();
        return;
      }
      if (event.key === "?") setSheetOpen((open) => !open);
      else if (sheetOpen) return;
      else if (view === "round" && /^[1-5]$/.test(event.key)) {
        const n = Number(event.key);
        if (modeRef.current === "rate") {
          const item = LIKERT_ITEMS[focusRef.current].key;
          change(round, (d) => ({ ...d, ratings: { ...d.ratings, [item]: n } }));
          setFocusedItem((i) => Math.min(i + 1, LIKERT_ITEMS.length - 1));
        } else {
          const technique = SPECIALIST_TECHNIQUES[n - 1];
          change(round, (d) => ({
            ...d,
            techniques: d.techniques.includes(technique)
              ? d.techniques.filter((t) => t !== technique)
              : [...d.techniques, technique],
          }));
        }
      } else if (event.key === "n") move(1);
      else if (event.key === "p") move(-1);
      else if (event.key === "t") setMode((m) => (m === "rate" ? "techniques" : "rate"));
      else if (event.key === "s") void flushAll();
      else if (
        view === "round" &&
        modeRef.current === "rate" &&
        (event.key === "j" || event.key === "ArrowDown")
      ) {
        if (target instanceof HTMLInputElement) return;
        setFocusedItem((i) => Math.min(i + 1, LIKERT_ITEMS.length - 1));
      } else if (
        view === "round" &&
        modeRef.current === "rate" &&
        (event.key === "k" || event.key === "ArrowUp")
      ) {
        if (target instanceof HTMLInputElement) return;
        setFocusedItem((i) => Math.max(i - 1, 0));
      } else return;
      event.preventDefault();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [change, focusRef, modeRef, move, round, sheetOpen, view, flushAll, setFocusedItem, setMode]);

  // The address names the round on screen, so a reload comes back to it rather than to the resume point.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the round first shown; moves update it themselves
  useEffect(() => {
    window.history.replaceState(null, "", `/annotate/${work.id}?session=${session.id}&round=${initialRound}`);
  }, []);

  useEffect(() => {
    const all = savers.current;
    const warn = (event: BeforeUnloadEvent) => {
      if ([...all.values()].some((s) => s.dirty)) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => {
      window.removeEventListener("beforeunload", warn);
      for (const saver of all.values()) saver.dispose();
    };
  }, []);

  const progress = useMemo(() => {
    let done = 0;
    let total = 0;
    for (const item of work.items) {
      total += item.rounds;
      done += item.sessionId === session.id ? saved.size : item.done.filter(Boolean).length;
    }
    return { done, total };
  }, [work.items, session.id, saved]);

  const current = session.rounds.find((r) => r.index === round);
  const status = statuses[round] ?? { state: "saved" as const, message: null };
  return (
    <>
      <Header work={work}>
        <div className="flex flex-wrap items-center gap-3">
          <label className="flex items-center gap-2 text-xs text-fg-muted">
            <span data-testid="queue-progress">
              {progress.done} of {progress.total} rounds annotated
            </span>
            <progress
              className="w-28"
              value={progress.done}
              max={Math.max(1, progress.total)}
              aria-label="Queue progress"
            />
          </label>
          <Button onClick={() => setSheetOpen(true)} aria-keyshortcuts="?">
            Shortcuts <kbd className="text-xs text-fg-muted">?</kbd>
          </Button>
        </div>
      </Header>
      {status.state === "conflict" ? (
        <div
          role="alert"
          className="mb-4 flex flex-wrap items-center gap-3 rounded-md border border-danger p-3 text-sm"
        >
          <span>{status.message}</span>
          <Button variant="danger" onClick={() => window.location.reload()}>
            Reload
          </Button>
        </div>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,30rem)]">
        <div className="order-2 min-w-0 lg:order-1">
          <Transcript
            session={session}
            round={round}
            saved={saved}
            onPick={(r) => {
              setRound(r);
              setView("round");
              window.history.replaceState(null, "", `/annotate/${work.id}?session=${session.id}&round=${r}`);
            }}
          />
        </div>
        <Card className="order-1 min-w-0 p-3 lg:order-2 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto">
          <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
            <div>
              <p className="text-xs text-fg-muted">
                Session {itemAt + 1} of {work.items.length} · {session.client}
              </p>
              <h2 className="text-base font-semibold" data-testid="round-title">
                {view === "round" ? `Round ${round} of ${session.rounds.length}` : "Session forms"}
              </h2>
            </div>
            <SaveIndicator status={view === "round" ? status : null} />
          </div>
          <div className="mb-3 flex flex-wrap gap-2">
            <Button onClick={() => move(-1)} aria-keyshortcuts="p">
              Previous <kbd className="text-xs text-fg-muted">p</kbd>
            </Button>
            <Button variant="primary" onClick={() => move(1)} aria-keyshortcuts="n">
              Next <kbd className="text-xs opacity-80">n</kbd>
            </Button>
            <Button onClick={() => setView((v) => (v === "round" ? "forms" : "round"))}>
              {view === "round" ? "Session forms" : "Back to the round"}
            </Button>
          </div>
          {view === "forms" ? (
            <SessionForms sessionId={session.id} mine={mine} />
          ) : current ? (
            <>
              <p className="mb-3 text-xs text-fg-muted">
                Keys: 1–5{" "}
                {mode === "rate" ? `rate “${LIKERT_ITEMS[focusedItem].label}”` : "toggle a technique"} · t{" "}
                {mode === "rate" ? "techniques" : "back to ratings"} · ↑↓ item · s save
              </p>
              <ReplyUnderReview session={session} round={current} />
              <RoundForm
                round={current}
                data={annotations[round] ?? EMPTY}
                focusedItem={focusedItem}
                mode={mode}
                onFocusItem={setFocusedItem}
                onChange={(edit) => change(round, edit)}
              />
            </>
          ) : (
            <p className="text-sm text-fg-muted">This session has no rounds.</p>
          )}
        </Card>
      </div>
      <ShortcutSheet open={sheetOpen} onClose={() => setSheetOpen(false)} />
    </>
  );
}

/** What the client just said and the reply being rated, right above the form (the whole session is beside it). */
function ReplyUnderReview({
  session,
  round,
}: {
  session: AnnotationSessionView;
  round: AnnotationSessionView["rounds"][number];
}) {
  const before = session.rounds.find((r) => r.index === round.index - 1);
  const clientSaid = round.index === 1 ? session.opening.client : before?.clientReply;
  return (
    <div className="mb-4 flex flex-col gap-2 rounded-md bg-surface-muted p-2 text-sm">
      {clientSaid ? (
        <p className="line-clamp-4">
          <span className="text-xs font-semibold uppercase tracking-wide text-fg-muted">Client </span>
          <span className="font-serif">{clientSaid}</span>
        </p>
      ) : null}
      <div>
        <span className="text-xs font-semibold uppercase tracking-wide text-accent">Counselor reply </span>
        <p className="prose-clinical inline font-serif" {...{ [REPLY_ATTRIBUTE]: "" }}>
          {round.counselorReply}
        </p>
      </div>
    </div>
  );
}

/** State the key handler reads and changes between renders: the value to render, a live ref, a setter. */
function useKeyState<T>(initial: T) {
  const [value, setValue] = useState(initial);
  const ref = useRef(initial);
  const set = useCallback((next: T | ((previous: T) => T)) => {
    ref.current = typeof next === "function" ? (next as (previous: T) => T)(ref.current) : next;
    setValue(ref.current);
  }, []);
  return [value, ref, set] as const;
}

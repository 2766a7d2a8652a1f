"use client";

import { useEffect, useRef, useState } from "react";
import { Utterance } from "@/components/sessions/utterance";
import { Card, CardHeader } from "@/components/ui/card";
import { PREFERENCE_ASPECTS } from "@/lib/annotations/schema";
import type { AnnotationSessionView } from "@/lib/annotations/session-view";
import { Autosaver, type SaveStatus } from "./autosaver";
import { SaveIndicator } from "./save-indicator";

type Preferences = Record<string, string>;

/** The two sessions side by side and, per aspect, which one the annotator prefers (autosaved). */
export function PairForm({
  sessions,
  preferences: initial,
  version,
}: {
  sessions: [AnnotationSessionView, AnnotationSessionView];
  preferences: Preferences;
  version: number;
}) {
  const [preferences, setPreferences] = useState(initial);
  const [status, setStatus] = useState<SaveStatus>({ state: "saved", message: null });
  const saver = useRef<Autosaver<{ preferences: Preferences }> | null>(null);
  saver.current ??= new Autosaver("/api/annotations/preferences", version, setStatus, 800, {
    sessionIds: sessions.map((s) => s.id),
  });
  useEffect(() => () => saver.current?.dispose(), []);
  const choose = (aspect: string, choice: string) => {
    const next = { ...preferences, [aspect]: choice };
    setPreferences(next);
    saver.current?.change({ preferences: next });
  };
  const options = [
    { value: sessions[0].id, label: "Session 1" },
    { value: sessions[1].id, label: "Session 2" },
    { value: "tie", label: "No difference" },
  ];
  return (
    <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_minmax(0,22rem)]">
      {sessions.map((session, i) => (
        <Card
          key={session.id}
          className="max-h-[70vh] overflow-y-auto"
          tabIndex={0}
          aria-label={`Session ${i + 1}`}
        >
          <CardHeader title={`Session ${i + 1}`} />
          <div className="px-4 py-3">
            <Utterance speaker="counselor" text={session.opening.counselor} />
            <Utterance speaker="client" text={session.opening.client} />
            {session.rounds.map((r) => (
              <div key={r.index}>
                <Utterance speaker="counselor" text={r.counselorReply} />
                {r.clientReply ? <Utterance speaker="client" text={r.clientReply} /> : null}
              </div>
            ))}
          </div>
        </Card>
      ))}
      <Card className="p-3">
        <div className="mb-2 flex items-center justify-between gap-2">
          <h2 className="text-sm font-semibold">Which is better?</h2>
          <SaveIndicator status={status} />
        </div>
        {PREFERENCE_ASPECTS.map((aspect) => (
          <fieldset
            key={aspect.key}
            className="mt-2 rounded-md border border-border p-2"
            data-testid={`aspect-${aspect.key}`}
          >
            <legend className="px-1 text-sm font-medium">{aspect.label}</legend>
            <p className="mb-1.5 px-1 text-xs text-fg-muted">{aspect.description}</p>
            <div className="flex flex-wrap gap-3 text-sm">
              {options.map((option) => (
                <label key={option.value} className="flex items-center gap-1.5">
                  <input
                    type="radio"
                    name={`aspect-${aspect.key}`}
                    checked={preferences[aspect.key] === option.value}
                    onChange={() => choose(aspect.key, option.value)}
                  />
                  {option.label}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        {status.state === "conflict" ? (
          <p role="alert" className="mt-2 text-sm text-danger">
            {status.message}{" "}
            <button type="button" className="underline" onClick={() => window.location.reload()}>
              Reload
            </button>
          </p>
        ) : null}
      </Card>
    </div>
  );
}

"use client";

import { useEffect, useRef, useState } from "react";
import { fetchParsed } from "@/components/ui/fetch-json";
import {
  FORM_SCALES,
  FORM_TITLES,
  isFormComplete,
  type MySessionAnnotations,
  mySessionAnnotationsSchema,
  SESSION_FORMS,
  type SessionAnnotationData,
  type SessionForm,
} from "@/lib/annotations/schema";
import { Autosaver, type SaveStatus } from "./autosaver";
import { SaveIndicator } from "./save-indicator";

const EMPTY_FORMS: SessionAnnotationData = { ctrs: {}, wai: {}, panas_before: {}, panas_after: {} };

/**
 * The judges' scales as the clinician's own forms. A judge's score for a form appears beside the
 * answers only after every item of that form is answered and saved: never before, never instead.
 */
export function SessionForms({ sessionId, mine }: { sessionId: string; mine: MySessionAnnotations }) {
  const [data, setData] = useState<SessionAnnotationData>(() => ({ ...EMPTY_FORMS, ...mine.session?.data }));
  const [judge, setJudge] = useState(mine.judge);
  const [status, setStatus] = useState<SaveStatus>({ state: "saved", message: null });
  const [form, setForm] = useState<SessionForm>("ctrs");
  const saver = useRef<Autosaver<SessionAnnotationData> | null>(null);
  saver.current ??= new Autosaver(
    `/api/annotations/sessions/${sessionId}/forms`,
    mine.session?.version ?? 0,
    setStatus,
  );
  const latest = useRef(data);
  latest.current = data;

  useEffect(() => {
    if (status.state !== "saved") return;
    const complete = SESSION_FORMS.filter((f) => isFormComplete(f, latest.current[f]) && !judge[f]);
    if (!complete.length) return;
    fetchParsed(mySessionAnnotationsSchema, `/api/annotations/sessions/${sessionId}`)
      .then((fresh) => setJudge(fresh.judge))
      .catch(() => undefined);
  }, [status, sessionId, judge]);

  useEffect(() => () => saver.current?.dispose(), []);

  const scale = FORM_SCALES[form];
  const points = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
  const answer = (item: string, value: number) => {
    const next = { ...data, [form]: { ...data[form], [item]: value } };
    setData(next);
    saver.current?.change(next);
  };
  const judged = isFormComplete(form, data[form]) ? judge[form] : undefined;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div role="tablist" aria-label="Session forms" className="flex flex-wrap gap-1">
          {SESSION_FORMS.map((f) => (
            <button
              key={f}
              type="button"
              role="tab"
              aria-selected={f === form}
              onClick={() => setForm(f)}
              className="rounded-md border border-border px-2 py-1 text-xs aria-selected:border-accent aria-selected:font-semibold"
            >
              {FORM_TITLES[f]}
              {isFormComplete(f, data[f]) ? " ✓" : ""}
            </button>
          ))}
        </div>
        <SaveIndicator status={status} />
      </div>
      <p className="text-xs text-fg-muted">
        {scale.name}, {scale.min}–{scale.max}:{" "}
        {Object.entries(scale.anchors)
          .map(([point, anchor]) => `${point} ${anchor}`)
          .join(" · ")}
      </p>
      {scale.items.map((item) => (
        <fieldset
          key={item.key}
          className="rounded-md border border-border p-2"
          data-testid={`form-${form}-${item.key}`}
        >
          <legend className="px-1 text-sm font-medium">{item.label}</legend>
          <p className="mb-1.5 px-1 text-xs text-fg-muted">{item.description}</p>
          <div className="flex flex-wrap gap-1">
            {points.map((point) => (
              <label
                key={point}
                title={scale.anchors[point]}
                className="flex min-w-9 cursor-pointer items-center justify-center rounded-md border border-border px-2 py-1 text-sm has-[:checked]:border-accent has-[:checked]:bg-accent has-[:checked]:text-accent-fg has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-accent"
              >
                <input
                  type="radio"
                  className="sr-only"
                  name={`${form}-${item.key}`}
                  checked={data[form][item.key] === point}
                  onChange={() => answer(item.key, point)}
                />
                {point}
                {scale.anchors[point] ? <span className="sr-only"> ({scale.anchors[point]})</span> : null}
              </label>
            ))}
          </div>
          {judged?.[item.key] !== undefined ? (
            <p className="mt-1.5 px-1 text-xs text-fg-muted" data-testid="judge-score">
              Judge: {judged[item.key].toFixed(1)}
            </p>
          ) : null}
        </fieldset>
      ))}
      {isFormComplete(form, data[form]) && !judged && status.state === "saved" ? (
        <p className="text-xs text-fg-muted">No judge has scored this form for this session.</p>
      ) : null}
    </div>
  );
}

"use client";

import { cn } from "@/components/ui/cn";
import { Select } from "@/components/ui/field";
import {
  CANDIDATE_VERDICTS,
  LIKERT,
  LIKERT_ANCHORS,
  LIKERT_ITEMS,
  type RoundAnnotationData,
  SAFETY_CATEGORIES,
  SAFETY_LABELS,
  type SafetyCategory,
} from "@/lib/annotations/schema";
import type { AnnotationSessionView } from "@/lib/annotations/session-view";
import { SPECIALIST_LABELS, SPECIALIST_TECHNIQUES } from "@/lib/cbt/techniques";
import { SpanComments } from "./span-comments";

export type KeyMode = "rate" | "techniques";

interface Props {
  round: AnnotationSessionView["rounds"][number];
  data: RoundAnnotationData;
  focusedItem: number;
  mode: KeyMode;
  onFocusItem: (index: number) => void;
  onChange: (change: (data: RoundAnnotationData) => RoundAnnotationData) => void;
}

const LIKERT_POINTS = Array.from({ length: LIKERT.max - LIKERT.min + 1 }, (_, i) => LIKERT.min + i);

/** Everything a clinician records about one round. */
export function RoundForm({ round, data, focusedItem, mode, onFocusItem, onChange }: Props) {
  const set = <K extends keyof RoundAnnotationData>(key: K, value: RoundAnnotationData[K]) =>
    onChange((d) => ({ ...d, [key]: value }));
  return (
    <div className="flex flex-col gap-5">
      <section
        aria-labelledby="ratings-heading"
        className={cn(mode === "rate" && "rounded-md ring-2 ring-accent/40")}
      >
        <h3 id="ratings-heading" className="px-1 pt-1 text-sm font-semibold">
          Ratings{" "}
          <span className="font-normal text-fg-muted">
            (1 {LIKERT_ANCHORS[1]} – 5 {LIKERT_ANCHORS[5]})
          </span>
        </h3>
        {LIKERT_ITEMS.map((item, index) => (
          <fieldset
            key={item.key}
            data-testid={`rating-${item.key}`}
            aria-current={mode === "rate" && focusedItem === index ? "true" : undefined}
            className={cn(
              "mt-2 rounded-md border border-border p-2",
              mode === "rate" && focusedItem === index && "border-accent bg-accent/5",
            )}
          >
            <legend className="px-1 text-sm font-medium">{item.label}</legend>
            <p className="mb-1.5 px-1 text-xs text-fg-muted">{item.description}</p>
            <div className="flex flex-wrap gap-1.5">
              {LIKERT_POINTS.map((point) => (
                <label
                  key={point}
                  title={LIKERT_ANCHORS[point]}
                  className="flex min-w-10 cursor-pointer items-center justify-center gap-1 rounded-md border border-border px-2 py-1 text-sm has-[:checked]:border-accent has-[:checked]:bg-accent has-[:checked]:text-accent-fg has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-accent"
                >
                  <input
                    type="radio"
                    className="sr-only"
                    name={`rating-${item.key}`}
                    value={point}
                    checked={data.ratings[item.key] === point}
                    onFocus={() => onFocusItem(index)}
                    onChange={() => {
                      onFocusItem(index);
                      set("ratings", { ...data.ratings, [item.key]: point });
                    }}
                  />
                  {point}
                  <span className="sr-only"> ({LIKERT_ANCHORS[point]})</span>
                </label>
              ))}
            </div>
          </fieldset>
        ))}
      </section>

      <fieldset
        data-testid="techniques"
        className={cn(
          "rounded-md border border-border p-2",
          mode === "techniques" && "border-accent ring-2 ring-accent/40",
        )}
      >
        <legend className="px-1 text-sm font-semibold">Techniques you would have used</legend>
        <p className="mb-1.5 px-1 text-xs text-fg-muted">
          The selector chose:{" "}
          {round.selectedTechniques.length
            ? round.selectedTechniques
                .map((t) => SPECIALIST_LABELS[t as keyof typeof SPECIALIST_LABELS] ?? t)
                .join(", ")
            : "none recorded"}
        </p>
        <div className="flex flex-wrap gap-1.5">
          {SPECIALIST_TECHNIQUES.map((technique, index) => (
            <label
              key={technique}
              className="flex cursor-pointer items-center gap-1.5 rounded-md border border-border px-2 py-1 text-sm has-[:checked]:border-accent has-[:checked]:bg-accent/10"
            >
              <input
                type="checkbox"
                checked={data.techniques.includes(technique)}
                onChange={(event) =>
                  set(
                    "techniques",
                    event.target.checked
                      ? [...data.techniques, technique]
                      : data.techniques.filter((t) => t !== technique),
                  )
                }
              />
              <span className="text-xs text-fg-muted" aria-hidden="true">
                {index + 1}
              </span>
              {SPECIALIST_LABELS[technique]}
              {round.selectedTechniques.includes(technique) ? (
                <span className="rounded bg-surface-muted px-1 text-xs text-fg-muted">selector</span>
              ) : null}
            </label>
          ))}
        </div>
      </fieldset>

      <details className="rounded-md border border-border p-2" open>
        <summary className="cursor-pointer text-sm font-semibold">
          Candidates ({Object.keys(round.candidates).length})
        </summary>
        {Object.keys(round.candidates).length === 0 ? (
          <p className="mt-2 text-sm text-fg-muted">This round has no recorded specialist candidates.</p>
        ) : null}
        {SPECIALIST_TECHNIQUES.filter((t) => round.candidates[t] !== undefined).map((technique) => (
          <fieldset key={technique} className="mt-2 border-t border-border pt-2">
            <legend className="text-sm font-medium">{SPECIALIST_LABELS[technique]}</legend>
            <p className="prose-clinical mb-1.5 font-serif text-sm">{round.candidates[technique]}</p>
            <div className="flex flex-wrap gap-3 text-sm">
              {CANDIDATE_VERDICTS.map((verdict) => (
                <label key={verdict} className="flex items-center gap-1.5">
                  <input
                    type="radio"
                    name={`candidate-${technique}`}
                    checked={data.candidates[technique] === verdict}
                    onChange={() => set("candidates", { ...data.candidates, [technique]: verdict })}
                  />
                  {verdict === "useful" ? "Useful" : "Not useful"}
                </label>
              ))}
              <label className="flex items-center gap-1.5">
                <input
                  type="radio"
                  name="best-candidate"
                  checked={data.bestCandidate === technique}
                  onChange={() => set("bestCandidate", technique)}
                />
                Best candidate
              </label>
            </div>
          </fieldset>
        ))}
      </details>

      <fieldset className="rounded-md border border-border p-2">
        <legend className="px-1 text-sm font-semibold">Safety</legend>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={data.safety !== null}
            onChange={(event) => set("safety", event.target.checked ? { category: "other", note: "" } : null)}
          />
          Flag a safety concern
        </label>
        {data.safety ? (
          <div className="mt-2 flex flex-col gap-2 sm:flex-row">
            <Select
              aria-label="Safety category"
              value={data.safety.category}
              onChange={(event) =>
                set("safety", { note: "", ...data.safety, category: event.target.value as SafetyCategory })
              }
            >
              {SAFETY_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {SAFETY_LABELS[c]}
                </option>
              ))}
            </Select>
            <input
              aria-label="Safety note"
              className="min-w-0 flex-1 rounded-md border border-border bg-surface-raised px-2.5 py-1.5 text-sm"
              placeholder="What is unsafe, and why"
              value={data.safety.note}
              onChange={(event) =>
                set("safety", { category: "other", ...data.safety, note: event.target.value })
              }
            />
          </div>
        ) : null}
      </fieldset>

      <TextArea
        label="Gold rewrite: the reply you would have given"
        value={data.goldRewrite}
        onChange={(value) => set("goldRewrite", value)}
        action={
          data.goldRewrite === "" ? (
            <button
              type="button"
              className="text-xs text-accent underline"
              onClick={() => set("goldRewrite", round.counselorReply)}
            >
              Start from the generated reply
            </button>
          ) : null
        }
      />
      <TextArea
        label="Comment on the round"
        value={data.comment}
        onChange={(value) => set("comment", value)}
      />
      <SpanComments
        reply={round.counselorReply}
        comments={data.spanComments}
        onChange={(spanComments) => set("spanComments", spanComments)}
      />
    </div>
  );
}

function TextArea({
  label,
  value,
  onChange,
  action,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  action?: React.ReactNode;
}) {
  const id = `field-${label.replace(/\W+/g, "-").toLowerCase()}`;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className="text-sm font-semibold">
          {label}
        </label>
        {action}
      </div>
      <textarea
        id={id}
        rows={3}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className="rounded-md border border-border bg-surface-raised px-2.5 py-1.5 font-serif text-sm"
      />
    </div>
  );
}

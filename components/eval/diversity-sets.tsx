"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { AttitudeFilter } from "@/components/ui/attitude-filter";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { fetchParsed } from "@/components/ui/fetch-json";
import { Input, Select } from "@/components/ui/field";
import { formatCount, formatDate, VARIANT_LABELS } from "@/components/ui/labels";
import { useUrlQuery } from "@/components/ui/use-url-query";
import { ATTITUDES } from "@/lib/cbt/techniques";
import { type DiversitySet, diversityListSchema, diversitySetSchema } from "@/lib/eval/schema";
import { SESSION_VARIANTS } from "@/lib/sessions/schema";

const KEY = ["diversity-sets"];
const fmt = (n: number | null) => (n === null ? "—" : n.toFixed(4));

function describeFilter(filter: DiversitySet["filter"]): string {
  const parts = [
    filter.variant ? VARIANT_LABELS[filter.variant] : "all variants",
    filter.attitude ? `${filter.attitude} attitude` : "all attitudes",
    filter.source ?? "generated and imported",
  ];
  if (filter.limit) parts.push(`first ${filter.limit}`);
  return parts.join(" · ");
}

type Filter = DiversitySet["filter"];

function filterFromUrl(get: (key: string) => string): Filter {
  const limit = Number(get("limit"));
  return {
    variant: SESSION_VARIANTS.find((v) => v === get("variant")),
    attitude: ATTITUDES.find((a) => a === get("attitude")),
    source: (["generated", "imported"] as const).find((s) => s === get("source")),
    limit: Number.isInteger(limit) && limit > 0 ? limit : undefined,
  };
}

/**
 * The set being chosen: the form's own state (what Measure sends), mirrored into the URL so the view
 * can be shared; the Sessions list links here with its filters.
 */
function useChosenFilter() {
  const url = useUrlQuery();
  const [values, setValues] = useState(() => ({
    variant: url.get("variant"),
    attitude: url.get("attitude"),
    source: url.get("source"),
    limit: url.get("limit"),
  }));
  const change = (key: keyof typeof values, value: string) => {
    setValues((current) => ({ ...current, [key]: value }));
    url.set({ [key]: value });
  };
  const filter = filterFromUrl((key) => values[key as keyof typeof values] ?? "");
  return { values, change, filter };
}

/** Measures a set's Distinct-n and EAD and lists every measured set, newest first. */
export function DiversitySets({ canMeasure }: { canMeasure: boolean }) {
  const client = useQueryClient();
  const { values, change, filter } = useChosenFilter();
  const sets = useQuery({
    queryKey: KEY,
    queryFn: () => fetchParsed(diversityListSchema, "/api/diversity"),
  });
  const measure = useMutation({
    mutationFn: (chosen: Filter) =>
      fetchParsed(diversitySetSchema, "/api/diversity", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(chosen),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });

  return (
    <div className="flex flex-col gap-6">
      {canMeasure ? (
        <Card>
          <CardHeader
            title="Measure a set"
            subtitle="Choose the sessions as on the Sessions list. Every message of each session counts, the opening included."
          />
          <form
            className="flex flex-wrap items-end gap-2 p-4"
            onSubmit={(e) => {
              e.preventDefault();
              measure.mutate(filter);
            }}
          >
            <Select
              aria-label="Variant"
              value={values.variant}
              onChange={(e) => change("variant", e.target.value)}
            >
              <option value="">All variants</option>
              {SESSION_VARIANTS.map((v) => (
                <option key={v} value={v}>
                  {VARIANT_LABELS[v]}
                </option>
              ))}
            </Select>
            <AttitudeFilter value={values.attitude} onChange={(attitude) => change("attitude", attitude)} />
            <Select
              aria-label="Source"
              value={values.source}
              onChange={(e) => change("source", e.target.value)}
            >
              <option value="">Generated and imported</option>
              <option value="generated">Generated</option>
              <option value="imported">Imported</option>
            </Select>
            <Input
              aria-label="At most this many sessions"
              placeholder="All sessions"
              type="number"
              min={1}
              className="w-36"
              value={values.limit}
              onChange={(e) => change("limit", e.target.value)}
            />
            <Button type="submit" disabled={measure.isPending}>
              {measure.isPending ? "Measuring…" : "Measure diversity"}
            </Button>
            <p className="w-full text-sm" role="status">
              {measure.error ? <span className="text-danger">{measure.error.message}</span> : null}
              {measure.data
                ? `Measured ${measure.data.sessions} session(s): Distinct-2 ${fmt(measure.data.llama3.distinct2)}, EAD ${fmt(measure.data.llama3.ead)}.`
                : null}
            </p>
          </form>
        </Card>
      ) : null}
      <Card data-testid="diversity-sets">
        <CardHeader
          title="Measured sets"
          subtitle="Llama-3 tokens as in the paper's notebook (EAD with V = 128,000); the word-level columns split on spaces and are not comparable with the paper."
        />
        {sets.error ? <p className="p-4 text-sm text-danger">{sets.error.message}</p> : null}
        {sets.data && !sets.data.sets.length ? (
          <p className="p-4 text-sm text-fg-muted">
            No set measured yet. {canMeasure ? "Measure one above, " : "A researcher can measure one here, "}
            or run <code>npm run evaluate -- --metric diversity</code>.
          </p>
        ) : null}
        {sets.data?.sets.length ? <SetsTable sets={sets.data.sets} /> : null}
      </Card>
    </div>
  );
}

function SetsTable({ sets }: { sets: DiversitySet[] }) {
  return (
    <section
      aria-label="Measured sets"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      tabIndex={0}
      className="overflow-x-auto"
    >
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-fg-muted">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Set
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Sessions
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Tokens
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Distinct-1
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Distinct-2
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Distinct-3
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              EAD
            </th>
          </tr>
        </thead>
        {sets.map((set) => (
          <tbody key={set.id} className="border-t border-border" data-testid="diversity-set">
            <tr>
              <th scope="row" rowSpan={2} className="px-3 py-2 align-top font-normal">
                <span className="block font-medium">{describeFilter(set.filter)}</span>
                <span className="text-xs text-fg-muted">
                  {formatDate(set.measuredAt)} · digest {set.digest}
                </span>
              </th>
              <Scores set={set} unit="llama3" />
            </tr>
            <tr className="text-fg-muted">
              <Scores set={set} unit="words" />
            </tr>
          </tbody>
        ))}
      </table>
    </section>
  );
}

function Scores({ set, unit }: { set: DiversitySet; unit: "llama3" | "words" }) {
  const scores = set[unit];
  return (
    <>
      <td className="px-3 py-1 text-right tabular-nums">{unit === "llama3" ? set.sessions : null}</td>
      <td className="px-3 py-1 text-right tabular-nums">
        {unit === "words" ? <Badge>words</Badge> : null} {formatCount(scores.totalTokens)}
      </td>
      <td className="px-3 py-1 text-right tabular-nums">{fmt(scores.distinct1)}</td>
      <td className="px-3 py-1 text-right tabular-nums">{fmt(scores.distinct2)}</td>
      <td className="px-3 py-1 text-right tabular-nums">{fmt(scores.distinct3)}</td>
      <td className="px-3 py-1 text-right tabular-nums">{fmt(scores.ead)}</td>
    </>
  );
}

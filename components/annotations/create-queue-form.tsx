"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { fetchJson } from "@/components/ui/fetch-json";
import { Input, Label, Select } from "@/components/ui/field";
import { STATUS_LABELS, VARIANT_LABELS } from "@/components/ui/labels";
import type { CreateQueueRequestInput } from "@/lib/annotations/queue-schema";
import { ATTITUDES } from "@/lib/cbt/techniques";
import { SESSION_STATUSES, SESSION_VARIANTS } from "@/lib/sessions/schema";

interface Annotator {
  id: string;
  name: string;
  email: string;
  role: string;
}

const FILTERS = [
  { key: "variant", label: "Variant", options: SESSION_VARIANTS.map((v) => [v, VARIANT_LABELS[v] ?? v]) },
  { key: "attitude", label: "Client attitude", options: ATTITUDES.map((a) => [a, a]) },
  {
    key: "source",
    label: "Source",
    options: [
      ["generated", "generated"],
      ["imported", "imported"],
    ],
  },
  { key: "status", label: "Status", options: SESSION_STATUSES.map((s) => [s, STATUS_LABELS[s]?.label ?? s]) },
] as const;

/** A researcher makes a queue from a Sessions-list filter or an experiment, and assigns annotators. */
export function CreateQueueForm({
  annotators,
  currentUserId,
}: {
  annotators: Annotator[];
  currentUserId: string;
}) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [from, setFrom] = useState<"filter" | "experiment">("filter");
  const [filter, setFilter] = useState<Record<string, string>>({});
  const [experimentId, setExperimentId] = useState("");
  const [limit, setLimit] = useState(20);
  const [chosen, setChosen] = useState<string[]>([currentUserId]);
  const [overlap, setOverlap] = useState(1);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const body: CreateQueueRequestInput = {
      name,
      limit,
      annotatorIds: chosen,
      overlap,
      ...(from === "experiment"
        ? { experimentId: experimentId.trim() }
        : { filter: Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== "")) }),
    };
    try {
      await fetchJson("/api/annotation-queues", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      setName("");
      router.refresh();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card className="mt-6">
      <CardHeader title="New queue" subtitle="Sessions with at least one round, oldest first." />
      <form onSubmit={submit} className="flex flex-col gap-4 p-4">
        <div className="flex flex-col gap-1">
          <Label htmlFor="queue-name">Name</Label>
          <Input id="queue-name" required value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <fieldset className="flex flex-col gap-2">
          <legend className="text-xs font-medium text-fg-muted">Sessions from</legend>
          <div className="flex flex-wrap gap-4 text-sm">
            <label className="flex items-center gap-1.5">
              <input
                type="radio"
                name="queue-from"
                checked={from === "filter"}
                onChange={() => setFrom("filter")}
              />
              a filter, as on the Sessions list
            </label>
            <label className="flex items-center gap-1.5">
              <input
                type="radio"
                name="queue-from"
                checked={from === "experiment"}
                onChange={() => setFrom("experiment")}
              />
              an experiment
            </label>
          </div>
          {from === "filter" ? (
            <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-5">
              {FILTERS.map((f) => (
                <div key={f.key} className="flex flex-col gap-1">
                  <Label htmlFor={`queue-${f.key}`}>{f.label}</Label>
                  <Select
                    id={`queue-${f.key}`}
                    value={filter[f.key] ?? ""}
                    onChange={(e) => setFilter({ ...filter, [f.key]: e.target.value })}
                  >
                    <option value="">Any</option>
                    {f.options.map(([value, label]) => (
                      <option key={value} value={value}>
                        {label}
                      </option>
                    ))}
                  </Select>
                </div>
              ))}
              <div className="flex flex-col gap-1">
                <Label htmlFor="queue-search">Client name</Label>
                <Input
                  id="queue-search"
                  value={filter.search ?? ""}
                  onChange={(e) => setFilter({ ...filter, search: e.target.value })}
                />
              </div>
            </div>
          ) : (
            <div className="flex flex-col gap-1">
              <Label htmlFor="queue-experiment">Experiment id</Label>
              <Input
                id="queue-experiment"
                value={experimentId}
                onChange={(e) => setExperimentId(e.target.value)}
              />
            </div>
          )}
        </fieldset>
        <fieldset>
          <legend className="mb-1 text-xs font-medium text-fg-muted">Annotators</legend>
          <div className="flex flex-wrap gap-3 text-sm">
            {annotators.map((a) => (
              <label key={a.id} className="flex items-center gap-1.5">
                <input
                  type="checkbox"
                  checked={chosen.includes(a.id)}
                  onChange={(e) =>
                    setChosen(e.target.checked ? [...chosen, a.id] : chosen.filter((id) => id !== a.id))
                  }
                />
                {a.name} <span className="text-xs text-fg-muted">({a.role})</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="flex flex-wrap gap-4">
          <div className="flex flex-col gap-1">
            <Label htmlFor="queue-overlap">Annotators per session</Label>
            <Input
              id="queue-overlap"
              type="number"
              min={1}
              max={Math.max(1, chosen.length)}
              value={overlap}
              onChange={(e) => setOverlap(Number(e.target.value))}
              className="w-24"
            />
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="queue-limit">At most sessions</Label>
            <Input
              id="queue-limit"
              type="number"
              min={1}
              max={1000}
              value={limit}
              onChange={(e) => setLimit(Number(e.target.value))}
              className="w-24"
            />
          </div>
        </div>
        {error ? (
          <p role="alert" className="text-sm text-danger">
            {error}
          </p>
        ) : null}
        <div>
          <Button type="submit" variant="primary" disabled={busy || !chosen.length}>
            Create queue
          </Button>
        </div>
      </form>
    </Card>
  );
}

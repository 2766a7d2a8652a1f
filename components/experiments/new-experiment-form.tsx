"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { AGENT_LABELS } from "@/components/ui/agent-labels";
import { Button } from "@/components/ui/button";
import { fetchParsed } from "@/components/ui/fetch-json";
import { Input, Label, Select } from "@/components/ui/field";
import { EVALUATION_LABELS, VARIANT_LABELS } from "@/components/ui/labels";
import { ATTITUDES } from "@/lib/cbt/techniques";
import { EVALUATION_METRICS } from "@/lib/eval/scales";
import { createdExperimentSchema, type ExperimentSize, experimentSizeSchema } from "@/lib/experiments/schema";
import type { ModelOption, ModelRef } from "@/lib/providers";
import { SESSION_AGENTS, SESSION_VARIANTS } from "@/lib/sessions/schema";
import { PlannedSessions } from "./planned-sessions";

const keyOf = (ref: ModelRef) => `${ref.provider}|${ref.modelId}`;

/** The design from the form, as the API takes it; the server checks it and names any bad field. */
function designOf(form: FormData) {
  const all = (name: string) => form.getAll(name).map(String);
  const number = (name: string) => (form.get(name) ? Number(form.get(name)) : undefined);
  const attitudes = all("attitudes");
  const models = Object.fromEntries(
    SESSION_AGENTS.map((agent) => [
      agent,
      all(`model-${agent}`).map((key) => {
        const [provider, modelId] = key.split("|");
        return { provider, modelId };
      }),
    ]).filter(([, choices]) => choices.length > 0),
  );
  return {
    name: String(form.get("name") ?? ""),
    description: String(form.get("description") ?? "") || undefined,
    profiles: "all",
    attitudes: attitudes.length ? attitudes : undefined,
    limit: number("limit"),
    variants: all("variants"),
    models,
    rounds: number("rounds"),
    repeats: number("repeats"),
    evaluate: all("evaluate"),
  };
}

/** The form's design as far as it decides the session count; null while it cannot be counted. */
function sizeOf(form: HTMLFormElement): ExperimentSize | null {
  const parsed = experimentSizeSchema.safeParse(designOf(new FormData(form)));
  return parsed.success ? parsed.data : null;
}

export function NewExperimentForm({ models }: { models: ModelOption[] }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [size, setSize] = useState<ExperimentSize | null>(null);
  useEffect(() => {
    if (formRef.current) setSize(sizeOf(formRef.current));
  }, []);
  const create = useMutation({
    mutationFn: (form: FormData) =>
      fetchParsed(createdExperimentSchema, "/api/experiments", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(designOf(form)),
      }),
    onSuccess: ({ id }) => router.push(`/experiments/${id}`),
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate(new FormData(event.currentTarget));
  }
  return (
    <form
      ref={formRef}
      onSubmit={submit}
      onChange={(event) => setSize(sizeOf(event.currentTarget))}
      className="grid max-w-3xl gap-5"
      data-testid="new-experiment-form"
    >
      <div className="grid min-w-0 gap-1">
        <Label htmlFor="name">Name</Label>
        <Input
          id="name"
          name="name"
          required
          maxLength={120}
          placeholder="e.g. Planner backbone, negative clients"
        />
      </div>
      <div className="grid min-w-0 gap-1">
        <Label htmlFor="description">Description (optional)</Label>
        <Input id="description" name="description" maxLength={2000} />
      </div>
      <Checkboxes
        legend="Variants"
        name="variants"
        values={SESSION_VARIANTS}
        labels={VARIANT_LABELS}
        checked={["magnet"]}
      />
      <Checkboxes legend="Client attitudes (none: every attitude)" name="attitudes" values={ATTITUDES} />
      <div className="grid min-w-0 grid-cols-1 gap-4 sm:grid-cols-3">
        <div className="grid min-w-0 gap-1">
          <Label htmlFor="limit">Profiles per attitude (empty: all)</Label>
          <Input id="limit" name="limit" type="number" min={1} />
        </div>
        <div className="grid min-w-0 gap-1">
          <Label htmlFor="rounds">Rounds per session</Label>
          <Input id="rounds" name="rounds" type="number" min={1} max={40} defaultValue={20} required />
        </div>
        <div className="grid min-w-0 gap-1">
          <Label htmlFor="repeats">Repeats of each cell</Label>
          <Input id="repeats" name="repeats" type="number" min={1} max={100} defaultValue={1} required />
        </div>
      </div>
      <fieldset className="grid min-w-0 grid-cols-1 gap-3 sm:grid-cols-3">
        <legend className="mb-1 text-xs font-medium text-fg-muted">
          Models to compare per agent (none chosen: the default; several: each is an arm)
        </legend>
        {SESSION_AGENTS.map((agent) => (
          <div key={agent} className="grid min-w-0 gap-1">
            <Label htmlFor={`model-${agent}`}>{AGENT_LABELS[agent]}</Label>
            <Select
              id={`model-${agent}`}
              name={`model-${agent}`}
              multiple
              size={Math.max(2, Math.min(4, models.length))}
            >
              {models.map((m) => (
                <option key={keyOf(m)} value={keyOf(m)}>
                  {m.provider === "offline" ? "Offline simulator" : m.label}
                </option>
              ))}
            </Select>
          </div>
        ))}
      </fieldset>
      <Checkboxes
        legend="Evaluate after generation"
        name="evaluate"
        values={EVALUATION_METRICS}
        labels={EVALUATION_LABELS}
      />
      {create.error ? (
        <p role="alert" className="text-sm text-danger">
          {create.error.message}
        </p>
      ) : null}
      <div className="grid gap-2">
        <PlannedSessions size={size} />
        <div>
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create and queue"}
          </Button>
        </div>
      </div>
    </form>
  );
}

function Checkboxes({
  legend,
  name,
  values,
  labels,
  checked = [],
}: {
  legend: string;
  name: string;
  values: readonly string[];
  labels?: Record<string, string>;
  checked?: string[];
}) {
  return (
    <fieldset className="grid min-w-0 gap-1">
      <legend className="mb-1 text-xs font-medium text-fg-muted">{legend}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {values.map((value) => (
          <label key={value} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name={name} value={value} defaultChecked={checked.includes(value)} />
            {labels?.[value] ?? value}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Input, Label, Select } from "@/components/ui/field";
import { MAX_PLAYGROUND_SAMPLES, type PlaygroundSource } from "@/lib/playground/schema";
import type { ModelOption } from "@/lib/providers/registry";
import { PlaygroundInputs } from "./playground-inputs";
import { PlaygroundSamples } from "./playground-samples";
import { SaveVersion } from "./save-version";
import { usePlaygroundRun } from "./use-playground-run";

const modelKey = (m: { provider: string; modelId: string }) => `${m.provider} ${m.modelId}`;

/** A stored call's inputs, an editable template, model and temperature, and N samples beside the original. */
export function PlaygroundView({ source, models }: { source: PlaygroundSource; models: ModelOption[] }) {
  const { call } = source;
  const ids = useId();
  const [template, setTemplate] = useState(source.template);
  const [model, setModel] = useState(() =>
    modelKey(models.find((m) => modelKey(m) === modelKey(call)) ?? models[0]),
  );
  const [temperature, setTemperature] = useState(String(call.temperature ?? 0.7));
  const [samples, setSamples] = useState("3");
  const playground = usePlaygroundRun(call.id);
  const chosen = models.find((m) => modelKey(m) === model) ?? models[0];

  const pickVersion = (version: string) => {
    const picked = source.versions.find((v) => String(v.version) === version);
    if (picked) setTemplate(picked.template);
  };
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    void playground.run({
      template,
      model: { provider: chosen.provider, modelId: chosen.modelId },
      temperature: Number(temperature),
      samples: Number(samples),
    });
  };

  return (
    <div className="grid gap-6">
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <Card>
          <CardHeader title="Inputs" subtitle="What the agent was given, read back from its stored prompt." />
          <div className="px-4 py-3">
            <PlaygroundInputs values={source.values} previousSession={source.previousSession} />
          </div>
        </Card>
        <Card>
          <CardHeader title="Template and model" subtitle="Changes here never touch the session." />
          <form className="grid gap-3 px-4 py-3" onSubmit={submit} aria-label="Run the prompt">
            {source.values !== null ? (
              <div className="grid gap-1">
                <Label htmlFor={`${ids}-version`}>Start from a version</Label>
                <Select
                  id={`${ids}-version`}
                  defaultValue={String(call.promptVersion ?? "")}
                  onChange={(e) => pickVersion(e.target.value)}
                  data-testid="playground-version"
                >
                  {source.versions.map((v) => (
                    <option key={v.version} value={v.version}>
                      {[
                        `v${v.version}`,
                        v.version === call.promptVersion ? "used by this call" : null,
                        v.isActive ? "active" : null,
                        v.note,
                      ]
                        .filter(Boolean)
                        .join(" · ")}
                    </option>
                  ))}
                </Select>
              </div>
            ) : null}
            <div className="grid gap-1">
              <Label htmlFor={`${ids}-template`}>Template (a “### system” and a “### user” section)</Label>
              <textarea
                id={`${ids}-template`}
                value={template}
                onChange={(e) => setTemplate(e.target.value)}
                rows={14}
                spellCheck={false}
                data-testid="playground-template"
                className="min-w-0 rounded-md border border-border bg-surface-raised p-2.5 font-mono text-xs text-fg"
              />
            </div>
            <div className="grid gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)]">
              <div className="grid gap-1">
                <Label htmlFor={`${ids}-model`}>Model</Label>
                <Select id={`${ids}-model`} value={model} onChange={(e) => setModel(e.target.value)}>
                  {models.map((m) => (
                    <option key={modelKey(m)} value={modelKey(m)}>
                      {m.label}
                    </option>
                  ))}
                </Select>
              </div>
              <div className="grid gap-1">
                <Label htmlFor={`${ids}-temperature`}>Temperature</Label>
                <Input
                  id={`${ids}-temperature`}
                  type="number"
                  min={0}
                  max={2}
                  step={0.1}
                  required
                  value={temperature}
                  onChange={(e) => setTemperature(e.target.value)}
                />
              </div>
              <div className="grid gap-1">
                <Label htmlFor={`${ids}-samples`}>Samples</Label>
                <Input
                  id={`${ids}-samples`}
                  type="number"
                  min={1}
                  max={MAX_PLAYGROUND_SAMPLES}
                  step={1}
                  required
                  value={samples}
                  onChange={(e) => setSamples(e.target.value)}
                  data-testid="playground-sample-count"
                />
              </div>
            </div>
            {playground.error ? (
              <p role="alert" className="text-sm text-danger" data-testid="playground-error">
                {playground.error}
              </p>
            ) : null}
            <div>
              <Button
                type="submit"
                variant="primary"
                disabled={playground.running}
                data-testid="playground-run"
              >
                {playground.running ? "Running…" : "Run samples"}
              </Button>
            </div>
          </form>
          <div className="px-4 pb-3">
            <SaveVersion role={call.role} template={template} />
          </div>
        </Card>
      </div>
      <PlaygroundSamples
        original={call.output}
        originalModel={`${call.modelId} · prompt v${call.promptVersion ?? "?"} · temperature ${call.temperature ?? "?"}`}
        samples={playground.samples}
        running={playground.running}
      />
    </div>
  );
}

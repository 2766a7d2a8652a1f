"use client";

import { useId } from "react";
import { AGENT_LABELS, roleLabel } from "@/components/ui/agent-labels";
import { Card, CardHeader } from "@/components/ui/card";
import { Input, Label, Select } from "@/components/ui/field";
import type { ModelOption } from "@/lib/providers/registry";
import type { ForkOptions } from "@/lib/sessions/fork-options";

export interface Overrides {
  models: Record<string, { provider: string; modelId: string }>;
  temperatures: Record<string, number>;
  prompts: Record<string, number>;
}

const keyOf = (m: { provider: string; modelId: string }) => `${m.provider} ${m.modelId}`;

/** Per agent a model and a temperature, per prompt a version: left alone, the parent's. */
export function ForkSettings({
  options,
  models,
  value,
  onChange,
}: {
  options: ForkOptions;
  models: ModelOption[];
  value: Overrides;
  onChange: (value: Overrides) => void;
}) {
  const ids = useId();
  const set = <K extends keyof Overrides>(part: K, key: string, entry: Overrides[K][string] | undefined) => {
    const next = { ...value[part] } as Record<string, unknown>;
    if (entry === undefined) delete next[key];
    else next[key] = entry;
    onChange({ ...value, [part]: next });
  };
  return (
    <Card>
      <CardHeader
        title="Models, temperatures and prompts"
        subtitle="Left as they are, the fork keeps the parent's."
      />
      <div className="grid gap-4 px-4 py-3">
        <div className="grid gap-3">
          {options.agents.map((agent) => {
            const parent = keyOf(agent);
            const chosen = value.models[agent.kind];
            return (
              <div
                key={agent.kind}
                className="grid gap-2 sm:grid-cols-[10rem_minmax(0,1fr)_7rem] sm:items-end"
              >
                <p className="text-sm font-medium">{AGENT_LABELS[agent.kind]}</p>
                <div className="grid gap-1">
                  <Label htmlFor={`${ids}-${agent.kind}-model`}>Model</Label>
                  <Select
                    id={`${ids}-${agent.kind}-model`}
                    value={chosen ? keyOf(chosen) : ""}
                    onChange={(e) => {
                      const picked = models.find((m) => keyOf(m) === e.target.value);
                      set(
                        "models",
                        agent.kind,
                        picked && keyOf(picked) !== parent
                          ? { provider: picked.provider, modelId: picked.modelId }
                          : undefined,
                      );
                    }}
                  >
                    <option value="">As the parent ({agent.modelId})</option>
                    {models
                      .filter((m) => keyOf(m) !== parent)
                      .map((m) => (
                        <option key={keyOf(m)} value={keyOf(m)}>
                          {m.label}
                        </option>
                      ))}
                  </Select>
                </div>
                <div className="grid gap-1">
                  <Label htmlFor={`${ids}-${agent.kind}-temperature`}>Temperature</Label>
                  <Input
                    id={`${ids}-${agent.kind}-temperature`}
                    type="number"
                    min={0}
                    max={2}
                    step={0.1}
                    placeholder={String(agent.temperature)}
                    value={value.temperatures[agent.kind] ?? ""}
                    onChange={(e) =>
                      set(
                        "temperatures",
                        agent.kind,
                        e.target.value === "" ? undefined : Number(e.target.value),
                      )
                    }
                  />
                </div>
              </div>
            );
          })}
        </div>
        <div className="grid gap-3 sm:grid-cols-2">
          {options.prompts.map((prompt) => (
            <div key={prompt.role} className="grid gap-1">
              <Label htmlFor={`${ids}-${prompt.role}-prompt`}>Prompt: {roleLabel(prompt.role)}</Label>
              <Select
                id={`${ids}-${prompt.role}-prompt`}
                value={value.prompts[prompt.role] ?? ""}
                onChange={(e) =>
                  set("prompts", prompt.role, e.target.value === "" ? undefined : Number(e.target.value))
                }
              >
                <option value="">As the parent (v{prompt.frozen})</option>
                {prompt.versions
                  .filter((v) => v.version !== prompt.frozen)
                  .map((v) => (
                    <option key={v.version} value={v.version}>
                      v{v.version}
                      {v.note ? ` · ${v.note}` : ""}
                    </option>
                  ))}
              </Select>
            </div>
          ))}
        </div>
      </div>
    </Card>
  );
}

import { AGENT_LABELS } from "@/components/ui/agent-labels";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import {
  type AgentKind,
  type ModelOption,
  type ModelRef,
  modelEnvName,
  type ProviderName,
  SIMULATOR_DEFAULTS,
  type SimulatorOptions,
} from "@/lib/providers";

const PROVIDER_LABELS: Record<ProviderName, string> = {
  openai: "OpenAI (OPENAI_API_KEY)",
  "openai-compatible": "OpenAI-compatible server (LLM_BASE_URL)",
  offline: "Offline simulator",
};

export function ModelSettings({
  provider,
  models,
  available,
  simulator,
}: {
  provider: ProviderName;
  models: Record<AgentKind, ModelRef>;
  available: ModelOption[];
  simulator: SimulatorOptions;
}) {
  return (
    <Card>
      <CardHeader
        title="Models"
        subtitle={`Default provider: ${PROVIDER_LABELS[provider]}`}
        actions={
          provider === "offline" ? (
            <Badge tone="warning">Offline simulator — not a language model</Badge>
          ) : null
        }
      />
      {provider === "offline" ? (
        <p className="border-b border-border px-4 py-3 text-sm text-fg-muted">
          No LLM is configured, so sessions run on the built-in offline simulator: deterministic,
          role-appropriate text for demos, development and tests. Set <code>OPENAI_API_KEY</code>, or{" "}
          <code>LLM_BASE_URL</code> for vLLM, Ollama, LM Studio or llama.cpp server, in <code>.env</code> and
          restart. Pacing: first token after {simulator.latencyMs ?? SIMULATOR_DEFAULTS.latencyMs} ms, then{" "}
          {simulator.tokensPerSecond ?? SIMULATOR_DEFAULTS.tokensPerSecond} tokens/s.
        </p>
      ) : null}
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-fg-muted">
          <tr>
            <th className="px-4 py-2 font-medium">Agent</th>
            <th className="px-4 py-2 font-medium">Model</th>
            <th className="px-4 py-2 font-medium">Provider</th>
          </tr>
        </thead>
        <tbody>
          {(Object.entries(models) as [AgentKind, ModelRef][]).map(([agent, ref]) => (
            <tr key={agent} className="border-t border-border" data-testid="model-row">
              <td className="px-4 py-2">
                {AGENT_LABELS[agent]}
                {/* The variable that sets this agent's model, for whoever edits .env. */}
                <code className="block text-xs text-fg-muted">{modelEnvName(agent)}</code>
              </td>
              <td className="px-4 py-2 font-mono text-xs">{ref.modelId}</td>
              <td className="px-4 py-2">{PROVIDER_LABELS[ref.provider]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="border-t border-border px-4 py-3 text-xs text-fg-muted">
        Offered when creating a session: {available.map((m) => m.label).join(", ")}
      </p>
    </Card>
  );
}

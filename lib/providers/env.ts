// Provider configuration read from the environment. Functions take the env as a parameter so tests and
// scripts can pass their own; the default is process.env.

export type ProviderEnv = Readonly<Record<string, string | undefined>>;

export const AGENT_KINDS = ["planner", "specialist", "selector", "fuser", "client", "counselor"] as const;
/** Agents that share a model setting: all five specialists are one "specialist", both baselines "counselor". */
export type AgentKind = (typeof AGENT_KINDS)[number];

/** MODEL_PLANNER, MODEL_SPECIALIST, ... */
export function modelEnvName(agent: AgentKind): string {
  return `MODEL_${agent.toUpperCase()}`;
}

export function envText(env: ProviderEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

export function envNumber(env: ProviderEnv, name: string): number | undefined {
  const text = envText(env, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

export function envList(env: ProviderEnv, name: string): string[] {
  return (envText(env, name) ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

export function envFlag(env: ProviderEnv, name: string): boolean {
  return /^(1|true|yes|on)$/i.test(envText(env, name) ?? "");
}

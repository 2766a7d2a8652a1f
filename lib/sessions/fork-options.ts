import "server-only";
import { getDb } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { AGENT_KINDS, type AgentKind } from "@/lib/providers";
import { agentsOfVariant } from "./config";
import { parseSessionSnapshot } from "./create";

/** What the fork form offers: the rounds to fork after, the parent's models and temperatures, prompt versions. */
export interface ForkOptions {
  id: string;
  maxRounds: number;
  rounds: { index: number; counselorReply: string; clientReply: string | null; endedByClient: boolean }[];
  agents: { kind: AgentKind; provider: string; modelId: string; temperature: number }[];
  /** Per prompt role: the version the parent froze and every stored version. */
  prompts: { role: string; frozen: number; versions: { version: number; note: string | null }[] }[];
}

export async function getForkOptionsById({ id }: { id: string }): Promise<ForkOptions> {
  const db = getDb();
  const session = await db.session.findUnique({
    where: { id },
    include: { rounds: { orderBy: { index: "asc" } } },
  });
  if (!session) throw notFound("Session", id);
  if (session.source === "imported") {
    throw new AppError("unprocessable", `Session ${id} was imported: it has no config to run a fork with`, [
      { field: "id", message: "imported session" },
    ]);
  }
  const { config } = parseSessionSnapshot(session.config, `session ${id}`);
  const used = agentsOfVariant(session.variant) ?? [...AGENT_KINDS];
  const kindOf = (role: string) => role.split(":")[0];
  const versions = await db.promptVersion.findMany({
    select: { role: true, version: true, note: true },
    orderBy: [{ role: "asc" }, { version: "desc" }],
  });
  return {
    id,
    maxRounds: session.maxRounds,
    rounds: session.rounds.map(({ index, counselorReply, clientReply, endedByClient }) => ({
      index,
      counselorReply,
      clientReply,
      endedByClient,
    })),
    agents: AGENT_KINDS.filter((kind) => used.includes(kind)).map((kind) => ({
      kind,
      ...config.agents[kind].model,
      temperature: config.agents[kind].settings.temperature,
    })),
    prompts: Object.values(config.prompts)
      .filter((template) => used.includes(kindOf(template.role)))
      .map((template) => ({
        role: template.role,
        frozen: template.version,
        versions: versions
          .filter((v) => v.role === template.role)
          .map(({ version, note }) => ({ version, note })),
      })),
  };
}

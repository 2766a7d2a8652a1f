// Reading the frozen configuration snapshot stored on a session.

interface RoleModel {
  provider?: string;
  modelId?: string;
}

/** A short description of the models a session used, for lists and headers. */
export function describeSessionModels(config: unknown): string {
  if (!config || typeof config !== "object") return "—";
  const snapshot = config as { importedFrom?: string; models?: Record<string, RoleModel> };
  if (snapshot.importedFrom) return "Imported (original run)";
  const ids = new Set(
    Object.values(snapshot.models ?? {})
      .map((m) => m?.modelId)
      .filter((id): id is string => Boolean(id)),
  );
  return ids.size ? [...ids].join(", ") : "—";
}

export function isOfflineSimulator(modelId: string): boolean {
  return modelId.includes("offline-simulator");
}

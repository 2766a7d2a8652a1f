import { fetchJson } from "@/components/ui/fetch-json";
import type { Role } from "@/lib/auth/roles";
import {
  apiKeyListSchema,
  auditListSchema,
  createdApiKeySchema,
  createdUserSchema,
  userListSchema,
  userSchema,
} from "@/lib/auth/schema";

// The account, API key, user and audit requests of the browser, each answer parsed by its schema.

const JSON_HEADERS = { "content-type": "application/json" };

export async function fetchApiKeys() {
  return apiKeyListSchema.parse(await fetchJson<unknown>("/api/account/api-keys")).items;
}

export async function postApiKey(name: string) {
  const body = await fetchJson<unknown>("/api/account/api-keys", {
    method: "POST",
    headers: JSON_HEADERS,
    body: JSON.stringify({ name }),
  });
  return createdApiKeySchema.parse(body);
}

export async function deleteApiKey(id: string): Promise<void> {
  await fetchJson<unknown>(`/api/account/api-keys/${id}`, { method: "DELETE" });
}

export async function fetchUsers() {
  return userListSchema.parse(await fetchJson<unknown>("/api/users")).items;
}

export async function postUser(input: { email: string; name?: string; role: Role }) {
  const body = await fetchJson<unknown>("/api/users", {
    method: "POST",
    headers: JSON_HEADERS,
    body: JSON.stringify(input),
  });
  return createdUserSchema.parse(body);
}

export async function patchUser(id: string, change: { role?: Role; active?: boolean }) {
  const body = await fetchJson<unknown>(`/api/users/${id}`, {
    method: "PATCH",
    headers: JSON_HEADERS,
    body: JSON.stringify(change),
  });
  return userSchema.parse(body);
}

export async function fetchAudit() {
  return auditListSchema.parse(await fetchJson<unknown>("/api/audit")).items;
}

import { fetchJson, fetchParsed } from "@/components/ui/fetch-json";
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
  return (await fetchParsed(apiKeyListSchema, "/api/account/api-keys")).items;
}

export async function postApiKey(name: string) {
  return fetchParsed(createdApiKeySchema, "/api/account/api-keys", {
    method: "POST",
    headers: JSON_HEADERS,
    body: JSON.stringify({ name }),
  });
}

export async function deleteApiKey(id: string): Promise<void> {
  await fetchJson(`/api/account/api-keys/${id}`, { method: "DELETE" });
}

export async function fetchUsers() {
  return (await fetchParsed(userListSchema, "/api/users")).items;
}

export async function postUser(input: { email: string; name?: string; role: Role }) {
  return fetchParsed(createdUserSchema, "/api/users", {
    method: "POST",
    headers: JSON_HEADERS,
    body: JSON.stringify(input),
  });
}

export async function patchUser(id: string, change: { role?: Role; active?: boolean }) {
  return fetchParsed(userSchema, `/api/users/${id}`, {
    method: "PATCH",
    headers: JSON_HEADERS,
    body: JSON.stringify(change),
  });
}

export async function fetchAudit() {
  return (await fetchParsed(auditListSchema, "/api/audit")).items;
}

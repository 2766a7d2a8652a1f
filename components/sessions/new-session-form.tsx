"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { AGENT_LABELS } from "@/components/ui/agent-labels";
import { Button } from "@/components/ui/button";
import { fetchJson, fetchParsed } from "@/components/ui/fetch-json";
import { Input, Label, Select } from "@/components/ui/field";
import { VARIANT_LABELS } from "@/components/ui/labels";
import { type ProfileSummary, profileListResponseSchema } from "@/lib/profiles/schema";
import type { AgentKind, ModelOption, ModelRef } from "@/lib/providers";
import { createdSessionSchema, SESSION_AGENTS, SESSION_VARIANTS } from "@/lib/sessions/schema";
import { MethodSwitchesFieldset, methodSwitchesOf } from "./method-switches";

const keyOf = (ref: ModelRef) => `${ref.provider}|${ref.modelId}`;

/** The start of a presenting problem, marked as cut when it is. */
function excerpt(problem: string, length = 80): string {
  return problem.length > length ? `${problem.slice(0, length).trimEnd()}…` : problem;
}

/**
 * The preselected client first, then the search's matches; the chosen client stays listed when a new
 * search leaves it out, so the list never shows another client as if it were chosen.
 */
function pickerProfiles(
  preselected: ProfileSummary | undefined,
  chosen: ProfileSummary | undefined,
  matches: ProfileSummary[] = [],
) {
  const pinned = [preselected, chosen].filter(
    (p, at, all): p is ProfileSummary => p !== undefined && all.findIndex((q) => q?.id === p.id) === at,
  );
  const rest = matches.filter((p) => !pinned.some((q) => q.id === p.id));
  if (preselected) return [...pinned, ...rest];
  // Without a preselection a chosen match keeps its place in the list rather than jumping to the top.
  return chosen && matches.some((p) => p.id === chosen.id) ? matches : [...pinned, ...rest];
}

export function NewSessionForm({
  models,
  defaults,
  preselected,
  preselectionMissing,
}: {
  models: ModelOption[];
  defaults: Record<AgentKind, ModelRef>;
  /** The client chosen on a profile's page. */
  preselected?: ProfileSummary;
  /** A client was asked for but no profile has that id. */
  preselectionMissing: boolean;
}) {
  const router = useRouter();
  const [search, setSearch] = useState("");
  const [chosen, setChosen] = useState(preselected);
  const profileId = chosen?.id ?? "";
  const profiles = useQuery({
    queryKey: ["profiles", "picker", search],
    queryFn: () =>
      fetchParsed(
        profileListResponseSchema,
        `/api/profiles?pageSize=50&search=${encodeURIComponent(search)}`,
      ),
  });
  const listed = pickerProfiles(preselected, chosen, profiles.data?.items);
  const create = useMutation({
    mutationFn: async (form: FormData) => {
      const body = {
        profileId,
        variant: form.get("variant"),
        maxRounds: Number(form.get("maxRounds")),
        ...methodSwitchesOf(form),
        models: Object.fromEntries(
          SESSION_AGENTS.map((agent) => {
            const [provider, modelId] = String(form.get(`model-${agent}`)).split("|");
            return [agent, { provider, modelId }];
          }),
        ),
      };
      const { id } = await fetchParsed(createdSessionSchema, "/api/sessions", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (form.get("start") === "on") {
        await fetchJson(`/api/sessions/${id}/run`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ mode: "to-end" }),
        });
      }
      return id;
    },
    onSuccess: (id) => router.push(`/sessions/${id}`),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate(new FormData(event.currentTarget));
  }

  return (
    <form onSubmit={submit} className="grid max-w-3xl gap-5" data-testid="new-session-form">
      <fieldset className="grid min-w-0 gap-2">
        <Label htmlFor="profile-search">Client profile</Label>
        <Input
          id="profile-search"
          type="search"
          placeholder="Search by name or problem…"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <Select
          aria-label="Client profile"
          required
          size={6}
          value={profileId}
          onChange={(e) => setChosen(listed.find((p) => p.id === e.target.value))}
          // Chromium paints a listbox's selected option grey once it loses focus; a background image is
          // the one paint it keeps, so the chosen client stays clearly marked.
          className="[&_option:checked]:bg-[linear-gradient(var(--accent),var(--accent))] [&_option:checked]:font-semibold [&_option:checked]:text-accent-fg"
          data-testid="profile-picker"
        >
          {/* Matches the empty value: without it React marks the first client as if chosen. */}
          <option value="" hidden>
            No client chosen
          </option>
          {listed.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} · {p.attitude} · {excerpt(p.presentingProblem)}
            </option>
          ))}
        </Select>
        {chosen ? (
          <p className="text-sm" data-testid="chosen-profile">
            Chosen: <span className="font-semibold">{chosen.name}</span> · {chosen.attitude}
          </p>
        ) : null}
        {preselectionMissing ? (
          <p className="text-sm text-warning" data-testid="preselection-missing">
            The client in this link was not found (it may have been deleted); choose a client below.
          </p>
        ) : null}
        {profiles.data?.items.length === 0 ? (
          <p className="text-sm text-fg-muted" data-testid="no-profile-match">
            No profile matches “{search}”. Try a shorter search, or import profiles on the Profiles page.
          </p>
        ) : null}
      </fieldset>
      {/* Controls on one line even when a label wraps to two (on a phone). */}
      <div className="grid min-w-0 grid-cols-2 items-end gap-4">
        <div className="grid min-w-0 gap-1">
          <Label htmlFor="variant">Variant</Label>
          <Select id="variant" name="variant" defaultValue="magnet">
            {SESSION_VARIANTS.map((v) => (
              <option key={v} value={v}>
                {VARIANT_LABELS[v]}
              </option>
            ))}
          </Select>
        </div>
        <div className="grid min-w-0 gap-1">
          <Label htmlFor="maxRounds">Rounds after the opening exchange</Label>
          <Input id="maxRounds" name="maxRounds" type="number" min={1} max={40} defaultValue={20} />
        </div>
      </div>
      <fieldset className="grid min-w-0 gap-3 sm:grid-cols-3">
        <legend className="mb-1 text-xs font-medium text-fg-muted">Model per agent</legend>
        {SESSION_AGENTS.map((agent) => (
          <div key={agent} className="grid min-w-0 gap-1">
            <Label htmlFor={`model-${agent}`}>{AGENT_LABELS[agent]}</Label>
            <Select id={`model-${agent}`} name={`model-${agent}`} defaultValue={keyOf(defaults[agent])}>
              {models.map((m) => (
                <option key={keyOf(m)} value={keyOf(m)}>
                  {m.provider === "offline" ? "Offline simulator" : m.label}
                </option>
              ))}
            </Select>
          </div>
        ))}
      </fieldset>
      <MethodSwitchesFieldset />
      <p className="text-xs text-fg-muted">
        Prompts: each agent&apos;s active version on the Prompts page is frozen into the session.
      </p>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="start" defaultChecked /> Start generating right away
      </label>
      {create.error ? (
        <p role="alert" className="text-sm text-danger">
          {create.error.message}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button
          type="submit"
          variant="primary"
          disabled={!profileId || create.isPending}
          aria-describedby={profileId ? undefined : "choose-profile-first"}
        >
          {create.isPending ? "Creating…" : "Create session"}
        </Button>
        {profileId ? null : (
          <p id="choose-profile-first" className="text-sm text-fg-muted">
            Choose a client profile above first.
          </p>
        )}
      </div>
    </form>
  );
}

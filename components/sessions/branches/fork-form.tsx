"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { fetchParsed } from "@/components/ui/fetch-json";
import { Input, Label, Select } from "@/components/ui/field";
import type { ModelOption } from "@/lib/providers/registry";
import type { ForkOptions } from "@/lib/sessions/fork-options";
import { forkSessionResponseSchema } from "@/lib/sessions/schema";
import { ForkSettings, type Overrides } from "./fork-settings";

type EditChoice = "none" | "client" | "counselor";

/** Fork after a round with an edited message and other models, temperatures or prompt versions. */
export function ForkForm({
  options,
  models,
  initialRound,
}: {
  options: ForkOptions;
  models: ModelOption[];
  initialRound: number;
}) {
  const router = useRouter();
  const ids = useId();
  const forkable = options.rounds.filter((r) => !r.endedByClient);
  const [round, setRound] = useState(initialRound);
  const shared = options.rounds.find((r) => r.index === round);
  const next = options.rounds.find((r) => r.index === round + 1);
  const [edit, setEdit] = useState<EditChoice>("none");
  const [text, setText] = useState("");
  const [maxRounds, setMaxRounds] = useState(String(Math.max(options.maxRounds, round + 1)));
  const [overrides, setOverrides] = useState<Overrides>({ models: {}, temperatures: {}, prompts: {} });

  const choose = (choice: EditChoice, atRound = round) => {
    setEdit(choice);
    const at = options.rounds.find((r) => r.index === atRound);
    const after = options.rounds.find((r) => r.index === atRound + 1);
    setText(
      choice === "client"
        ? (at?.clientReply ?? "")
        : choice === "counselor"
          ? (after?.counselorReply ?? "")
          : "",
    );
  };
  const fork = useMutation({
    mutationFn: async () => {
      const body = {
        round,
        maxRounds: Number(maxRounds),
        ...(edit === "none" ? {} : { edit: { speaker: edit, text } }),
        ...overrides,
      };
      return fetchParsed(forkSessionResponseSchema, `/api/sessions/${options.id}/fork`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    },
    onSuccess: ({ id }) => router.push(`/sessions/${id}`),
  });

  return (
    <form
      className="grid gap-6"
      onSubmit={(e) => {
        e.preventDefault();
        fork.mutate();
      }}
    >
      <Card>
        <CardHeader
          title="Where the fork starts"
          subtitle="It shares the opening, the plan and rounds 1 to this one."
        />
        <div className="grid gap-3 px-4 py-3">
          <div className="grid gap-1 sm:max-w-xs">
            <Label htmlFor={`${ids}-round`}>Fork after round</Label>
            <Select
              id={`${ids}-round`}
              value={round}
              onChange={(e) => {
                setRound(Number(e.target.value));
                choose("none", Number(e.target.value));
              }}
            >
              {forkable.map((r) => (
                <option key={r.index} value={r.index}>
                  Round {r.index}
                </option>
              ))}
            </Select>
          </div>
          <fieldset className="grid gap-1.5">
            <legend className="mb-1 text-xs font-medium text-fg-muted">Message</legend>
            <Choice name={`${ids}-edit`} checked={edit === "none"} onChange={() => choose("none")}>
              Keep every message as it was
            </Choice>
            <Choice name={`${ids}-edit`} checked={edit === "client"} onChange={() => choose("client")}>
              Edit the client&apos;s reply of round {round} (the next round&apos;s agents read it)
            </Choice>
            {next ? (
              <Choice
                name={`${ids}-edit`}
                checked={edit === "counselor"}
                onChange={() => choose("counselor")}
              >
                Write the counselor&apos;s reply of round {round + 1} (the client answers it)
              </Choice>
            ) : null}
          </fieldset>
          {edit !== "none" ? (
            <div className="grid gap-1">
              <Label htmlFor={`${ids}-text`}>
                {edit === "client" ? `Client, round ${round}` : `Counselor, round ${round + 1}`}
              </Label>
              <textarea
                id={`${ids}-text`}
                value={text}
                onChange={(e) => setText(e.target.value)}
                rows={4}
                required
                maxLength={4000}
                data-testid="fork-edit-text"
                className="min-w-0 rounded-md border border-border bg-surface-raised p-2.5 text-sm"
              />
              <p className="text-xs text-fg-muted">
                Stored as edited; the original{" "}
                {edit === "client" ? `(“${shared?.clientReply ?? ""}”)` : "reply"} is kept alongside.
              </p>
            </div>
          ) : null}
          <div className="grid gap-1 sm:max-w-xs">
            <Label htmlFor={`${ids}-max`}>Rounds in the fork (in all)</Label>
            <Input
              id={`${ids}-max`}
              type="number"
              min={round + 1}
              max={40}
              required
              value={maxRounds}
              onChange={(e) => setMaxRounds(e.target.value)}
            />
          </div>
        </div>
      </Card>
      <ForkSettings options={options} models={models} value={overrides} onChange={setOverrides} />
      {fork.error ? (
        <p role="alert" className="text-sm text-danger" data-testid="fork-error">
          {fork.error.message}
        </p>
      ) : null}
      <div>
        <Button type="submit" variant="primary" disabled={fork.isPending} data-testid="fork-submit">
          {fork.isPending ? "Forking…" : "Create the fork"}
        </Button>
      </div>
    </form>
  );
}

function Choice({
  name,
  checked,
  onChange,
  children,
}: {
  name: string;
  checked: boolean;
  onChange: () => void;
  children: React.ReactNode;
}) {
  return (
    <label className="flex items-start gap-2 text-sm">
      <input type="radio" name={name} checked={checked} onChange={onChange} className="mt-1" />
      <span>{children}</span>
    </label>
  );
}

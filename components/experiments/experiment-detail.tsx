"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { Button, buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { fetchJson, fetchParsed } from "@/components/ui/fetch-json";
import { EVALUATION_LABELS, formatCount, plural, VARIANT_LABELS } from "@/components/ui/labels";
import { costSoFarText } from "@/lib/experiments/cost-text";
import {
  type ExperimentAction,
  type ExperimentDetail,
  type ExperimentProgress,
  experimentDetailSchema,
} from "@/lib/experiments/schema";
import { EXPERIMENT_SESSION_COLUMNS, ExperimentStatusBadge } from "./experiment-columns";
import { ProgressBar } from "./progress-bar";

export function ExperimentDetailView({ id, canControl }: { id: string; canControl: boolean }) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ["experiment", id],
    queryFn: () => fetchParsed(experimentDetailSchema, `/api/experiments/${id}`),
    // Paused or cancelled with nothing left running, nothing changes until someone acts.
    refetchInterval: (q) => {
      const data = q.state.data;
      if (!data) return 1_500;
      return !data.finished && (data.status === "running" || data.counts.running > 0) ? 1_500 : false;
    },
  });
  const control = useMutation({
    mutationFn: (action: ExperimentAction) =>
      fetchJson(`/api/experiments/${id}/control`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ action }),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["experiment", id] }),
  });
  if (query.error)
    return (
      <p role="alert" className="text-sm text-danger">
        {query.error.message}
      </p>
    );
  const experiment = query.data;
  if (!experiment) return <p className="text-sm text-fg-muted">Loading…</p>;
  const { counts, design } = experiment;
  const open = !experiment.finished && experiment.status !== "cancelled";
  return (
    <div className="grid gap-5">
      <Card>
        <CardHeader
          title={
            <span className="flex flex-wrap items-center gap-2">
              Progress <ExperimentStatusBadge experiment={experiment} />
            </span>
          }
          subtitle={describeDesign(experiment)}
          actions={
            <div className="flex flex-wrap justify-end gap-2">
              {canControl && open && experiment.status === "running" ? (
                <Button onClick={() => control.mutate("pause")} disabled={control.isPending}>
                  Pause
                </Button>
              ) : null}
              {canControl && open && experiment.status === "paused" ? (
                <Button onClick={() => control.mutate("resume")} disabled={control.isPending}>
                  Resume
                </Button>
              ) : null}
              {canControl && open ? (
                <Button
                  variant="danger"
                  onClick={() => control.mutate("cancel")}
                  disabled={control.isPending}
                >
                  Cancel
                </Button>
              ) : null}
              <Link href={`/experiments/${id}/results`} className={buttonClass("primary")}>
                Results
              </Link>
            </div>
          }
        />
        <div className="grid gap-4 p-4">
          <ProgressBar experiment={experiment} />
          <dl
            className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-3 lg:grid-cols-6"
            data-testid="experiment-counts"
          >
            <Figure label="Done" value={counts.done} />
            <Figure label="Running" value={counts.running} />
            <Figure label="Failed" value={counts.failed} />
            <Figure label="Queued" value={counts.queued} />
            <Figure label="Stopped or paused" value={counts.halted} />
            <Figure label="Rounds" value={`${experiment.rounds.done} / ${experiment.rounds.planned}`} />
            <Figure label="Tokens" value={formatCount(experiment.tokens.input + experiment.tokens.output)} />
            <Figure label="Cost so far" value={costText(experiment.cost)} />
            <Figure label="Time left" value={timeLeft(experiment.secondsLeft, open)} />
          </dl>
          {control.error ? (
            <p role="alert" className="text-sm text-danger">
              {control.error.message}
            </p>
          ) : null}
          {design.evaluate.length ? (
            <p className="text-xs text-fg-muted">
              Evaluated after generation: {design.evaluate.map((m) => EVALUATION_LABELS[m] ?? m).join(", ")}
            </p>
          ) : null}
        </div>
      </Card>
      <DataTable
        label="Sessions of the experiment"
        testId="experiment-sessions"
        columns={EXPERIMENT_SESSION_COLUMNS}
        rows={experiment.sessions}
        rowKey={(s) => s.id}
        rowHref={(s) => `/sessions/${s.id}`}
      />
    </div>
  );
}

function Figure({ label, value }: { label: string; value: string | number }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-fg-muted">{label}</dt>
      <dd className="font-medium tabular-nums [overflow-wrap:anywhere]">{value}</dd>
    </div>
  );
}

function describeDesign({ design, counts }: ExperimentDetail): string {
  const variants = design.variants.map((v) => VARIANT_LABELS[v]).join(", ");
  const attitudes = design.attitudes?.join(", ") ?? "every attitude";
  return [
    plural(counts.total, "session"),
    variants,
    attitudes,
    plural(design.rounds, "round"),
    plural(design.repeats, "repeat"),
  ].join(" · ");
}

function timeLeft(seconds: number | null, open: boolean): string {
  if (!open) return "—";
  if (seconds === null) return "estimating…";
  return seconds >= 90 ? `about ${Math.round(seconds / 60)} min` : `about ${seconds} s`;
}

/** Dollars spent of the estimate (as `npm run experiment` prints it), or that the simulator costs nothing. */
function costText(cost: ExperimentProgress["cost"]): string {
  return costSoFarText(cost) ?? (cost ? "estimating…" : "no price known");
}

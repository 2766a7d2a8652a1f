"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { fetchParsed } from "@/components/ui/fetch-json";
import { Select } from "@/components/ui/field";
import { sessionEvaluationsSchema } from "@/lib/eval/schema";
import { JudgeProgress } from "./judge-progress";
import { PanasTable } from "./panas-table";
import { ScaleTable } from "./scale-table";

/** The session's judged scores (CTRS, WAI, PANAS), item by item with the judge's reasons. */
export function EvaluationPanel({ sessionId, canJudge }: { sessionId: string; canJudge: boolean }) {
  const key = ["evaluations", sessionId];
  const client = useQueryClient();
  const query = useQuery({
    queryKey: key,
    queryFn: () => fetchParsed(sessionEvaluationsSchema, `/api/sessions/${sessionId}/evaluations`),
  });
  const evaluate = useMutation({
    mutationFn: () =>
      fetchParsed(sessionEvaluationsSchema, `/api/sessions/${sessionId}/evaluations`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({}),
      }),
    onSuccess: (data) => client.setQueryData(key, data),
  });
  const [chosen, setChosen] = useState<string | null>(null);
  const judges = query.data?.judges ?? [];
  const judge = judges.find((j) => j.judgeModel === chosen) ?? judges[0];

  return (
    <Card className="mt-6" data-testid="evaluation-panel">
      <CardHeader
        title="Evaluation"
        subtitle="LLM-as-judge as in the paper: CTRS (0–6), WAI (1–7), PANAS (1–5); temperature 0, each item judged on its own, the mean of the runs."
        actions={
          <div className="flex items-center gap-2">
            {judges.length > 1 ? (
              <Select
                aria-label="Judge"
                value={judge?.judgeModel}
                onChange={(e) => setChosen(e.target.value)}
              >
                {judges.map((j) => (
                  <option key={j.judgeModel} value={j.judgeModel}>
                    {j.judgeModel}
                  </option>
                ))}
              </Select>
            ) : null}
            {canJudge ? (
              <Button onClick={() => evaluate.mutate()} disabled={evaluate.isPending}>
                {evaluate.isPending ? "Judging…" : judge ? "Judge again" : "Judge this session"}
              </Button>
            ) : null}
          </div>
        }
      />
      <div className="flex flex-col gap-4 p-4">
        <JudgeProgress sessionId={sessionId} active={evaluate.isPending} />
        {evaluate.error ? <p className="text-sm text-danger">{evaluate.error.message}</p> : null}
        {evaluate.data && evaluate.data.judges.length === 0 ? (
          // The judge reads stored rounds only: a session without any comes back with nothing judged.
          <p role="status" className="text-sm text-fg" data-testid="nothing-judged">
            Nothing was judged: the judge reads the session&apos;s rounds, and it has none yet. Run a round
            first, then judge it.
          </p>
        ) : null}
        {query.error ? <p className="text-sm text-danger">{query.error.message}</p> : null}
        {query.isPending ? <p className="text-sm text-fg-muted">Loading scores…</p> : null}
        {query.data && !judge ? (
          <p className="text-sm text-fg-muted">
            Not judged yet. {canJudge ? "Judge it here, or many" : "A researcher can judge it, or many"}{" "}
            sessions at once with <code>npm run evaluate -- --metric ctrs,wai,panas</code>.
          </p>
        ) : null}
        {judge ? (
          <>
            <p className="flex flex-wrap items-center gap-2 text-xs text-fg-muted">
              Judge <strong className="text-fg">{judge.judgeModel}</strong> ·{" "}
              {new Date(judge.evaluatedAt).toLocaleString()}
              {judge.simulated ? (
                <Badge tone="warning" title="The offline simulator does not read the session">
                  Simulated scores — not a model&apos;s judgement
                </Badge>
              ) : null}
            </p>
            {judge.scales
              .filter((scale) => !scale.metric.startsWith("panas"))
              .map((scale) => (
                <ScaleTable key={scale.metric} scale={scale} simulated={judge.simulated} />
              ))}
            {judge.scales.some((scale) => scale.metric.startsWith("panas")) ? (
              <PanasTable
                before={judge.scales.find((s) => s.metric === "panas_before")}
                after={judge.scales.find((s) => s.metric === "panas_after")}
                simulated={judge.simulated}
              />
            ) : null}
          </>
        ) : null}
      </div>
    </Card>
  );
}

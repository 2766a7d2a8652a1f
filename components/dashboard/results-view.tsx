"use client";

import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { plural } from "@/components/ui/labels";
import {
  DASHBOARD_METRICS,
  METRIC_FAMILIES,
  METRIC_FAMILY_DOMAINS,
  METRIC_FAMILY_LABELS,
} from "@/lib/dashboard/metrics";
import type { ResultGroup, ResultsDashboard } from "@/lib/dashboard/schema";
import { DifferenceTable } from "./difference-table";
import { DrillDown } from "./drill-down";
import { GROUP_LABELS } from "./format";
import { MetricChart } from "./metric-chart";
import { SetDiversityTable } from "./set-diversity-table";
import { SummaryTable } from "./summary-table";
import { useResultsSelection } from "./use-results-selection";

/** The dashboard of one experiment: a group at a time, charts over a table, drill-down to sessions. */
export function ResultsView({
  experimentId,
  dashboard,
}: {
  experimentId: string;
  dashboard: ResultsDashboard;
}) {
  const { group, selection, setGroup, select } = useResultsSelection();
  if (dashboard.sessions.length === 0) {
    return (
      <EmptyState title="No finished sessions yet">
        Results appear here as the experiment&apos;s sessions finish.
      </EmptyState>
    );
  }
  const summaries = dashboard.summaries.filter((s) => s.group === group);
  const withValues = DASHBOARD_METRICS.filter((m) => summaries.some((s) => s.metric === m.key && s.n > 0));
  return (
    <div className="flex flex-col gap-4">
      <GroupPicker groups={dashboard.groups} group={group} onChange={setGroup} />
      {selection ? (
        <Card className="p-4">
          <DrillDown
            key={`${group}|${selection.metric}|${selection.variant}`}
            experimentId={experimentId}
            group={group}
            selection={selection}
            sessions={dashboard.sessions}
            onClose={() => select(null)}
          />
        </Card>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        {METRIC_FAMILIES.map((family) => {
          const metrics = withValues.filter((m) => m.family === family);
          if (metrics.length === 0) return null;
          return (
            <Card key={family}>
              <CardHeader
                title={METRIC_FAMILY_LABELS[family]}
                subtitle="Mean per variant · a bar opens its sessions, worst first"
              />
              <div className="p-2">
                <MetricChart
                  title={METRIC_FAMILY_LABELS[family]}
                  metrics={metrics}
                  variants={dashboard.variants}
                  summaries={summaries}
                  domain={METRIC_FAMILY_DOMAINS[family]}
                  selection={selection}
                  onSelect={select}
                />
              </div>
            </Card>
          );
        })}
      </div>
      <section aria-labelledby="summary-title" className="flex flex-col gap-2">
        <h2 id="summary-title" className="text-sm font-semibold">
          Mean ± SD (n) per variant · {GROUP_LABELS[group]}
        </h2>
        <SummaryTable
          metrics={withValues}
          variants={dashboard.variants}
          summaries={summaries}
          onSelect={select}
        />
      </section>
      {dashboard.variants.length > 1 ? (
        <section aria-labelledby="differences-title" className="flex flex-col gap-2">
          <h2 id="differences-title" className="text-sm font-semibold">
            Differences between variants · {GROUP_LABELS[group]}
          </h2>
          <p className="max-w-3xl text-xs text-fg-muted">
            Paired over matched seeds (same client and attitude, repeats averaged) with the Wilcoxon
            signed-rank test, otherwise Mann–Whitney U; exact p up to 50 values. 95% percentile bootstrap
            intervals from {dashboard.bootstrap.resamples} seeded resamples. p (Holm) corrects over the items
            of one family (the CTRS items, the technique shares, …) within one comparison.
          </p>
          <DifferenceTable comparisons={dashboard.comparisons.filter((c) => c.group === group)} />
        </section>
      ) : null}
      <section aria-labelledby="diversity-title" className="flex flex-col gap-2">
        <h2 id="diversity-title" className="text-sm font-semibold">
          Diversity over each variant&apos;s pooled sessions · {GROUP_LABELS[group]}
        </h2>
        <SetDiversityTable rows={dashboard.diversity.filter((d) => d.group === group)} />
      </section>
    </div>
  );
}

function GroupPicker({
  groups,
  group,
  onChange,
}: {
  groups: readonly ResultGroup[];
  group: ResultGroup;
  onChange: (group: ResultGroup) => void;
}) {
  return (
    <fieldset className="flex flex-wrap items-center gap-2" aria-label="Client attitude">
      <span className="text-xs font-medium text-fg-muted">Clients</span>
      {groups.map((g) => (
        <button
          key={g}
          type="button"
          aria-pressed={g === group}
          onClick={() => onChange(g)}
          className="rounded-full border border-border px-3 py-1 text-sm aria-pressed:border-accent aria-pressed:bg-accent-soft aria-pressed:font-medium"
        >
          {GROUP_LABELS[g]}
        </button>
      ))}
    </fieldset>
  );
}

export function JudgeNote({ dashboard, unfinished }: { dashboard: ResultsDashboard; unfinished: number }) {
  const { models, simulated } = dashboard.judges;
  return (
    <span className="flex flex-wrap items-center gap-2">
      <span>
        {plural(dashboard.sessions.length, "finished session")} compared
        {unfinished ? ` · ${unfinished} not finished, not counted` : ""} ·{" "}
        {models.length ? `judge ${models.join(", ")}` : "not judged yet"}
      </span>
      {simulated ? <Badge tone="warning">simulated scores</Badge> : null}
    </span>
  );
}

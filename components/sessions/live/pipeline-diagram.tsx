import { Fragment, useId } from "react";
import { roleLabel } from "@/components/ui/agent-labels";
import { cn } from "@/components/ui/cn";
import type { Diagram, DiagramNode, NodeStatus } from "@/lib/live/pipeline-diagram";

const STATUS: Record<NodeStatus, { icon: string; word: string; className: string }> = {
  waiting: { icon: "○", word: "waiting", className: "border-dashed border-border text-fg-muted" },
  running: {
    icon: "●",
    word: "running",
    className: "border-accent bg-accent-soft text-fg ring-2 ring-accent",
  },
  done: { icon: "✓", word: "done", className: "border-success bg-surface-raised text-fg" },
  failed: { icon: "✕", word: "failed", className: "border-danger bg-surface-raised text-danger" },
  skipped: { icon: "–", word: "cut short", className: "border-dashed border-border text-fg-muted" },
  person: { icon: "✎", word: "a person writes", className: "border-accent bg-surface-raised text-fg" },
};

/**
 * The method at a glance: planner → five specialists ∥ selector → fuser → client, each node lit while
 * its call runs and showing its time when done. The status is written out (and has its own icon), so
 * colour is never the only sign. `bare`: without its own card, inside another panel.
 */
export function PipelineDiagram({ diagram, bare = false }: { diagram: Diagram; bare?: boolean }) {
  const titleId = useId();
  const title = diagram.roundIndex === null ? "before round 1" : `round ${diagram.roundIndex}`;
  return (
    <figure
      className={bare ? "mt-3" : "mb-6 rounded-lg border border-border bg-surface-raised p-4"}
      data-testid="pipeline-diagram"
      aria-labelledby={titleId}
    >
      <figcaption className="mb-3">
        <h2 id={titleId} className="text-xs font-semibold uppercase tracking-wide text-fg-muted">
          How a counselor turn is made · <span data-testid="diagram-round">{title}</span>
        </h2>
        <p className="mt-1 text-sm text-fg-muted">
          A planner picks a CBT technique once; each round five specialists draft replies while a selector
          names the techniques that fit; the response generator (the fuser) writes the counselor&apos;s reply;
          a simulated client answers.
        </p>
      </figcaption>
      <ol className="flex flex-col items-stretch gap-1 md:flex-row md:items-center md:gap-2">
        {diagram.stages.map((stage, at) => (
          <Fragment key={stage.name}>
            {at > 0 ? (
              <li aria-hidden="true" className="self-center text-fg-muted">
                <span className="md:hidden">↓</span>
                <span className="hidden md:inline">→</span>
              </li>
            ) : null}
            <li className={cn("min-w-0", stage.nodes.length > 1 ? "md:flex-[2.4]" : "md:flex-1")}>
              <p className="mb-1 text-[11px] font-medium uppercase tracking-wide text-fg-muted">
                {stage.name}
              </p>
              <ul className={cn("grid gap-1.5", stage.nodes.length > 1 ? "grid-cols-2" : "grid-cols-1")}>
                {stage.nodes.map((node) => (
                  <Node key={node.role} node={node} />
                ))}
              </ul>
            </li>
          </Fragment>
        ))}
      </ol>
    </figure>
  );
}

function Node({ node }: { node: DiagramNode }) {
  const status = STATUS[node.status];
  const time = node.latencyMs === null ? null : `${(node.latencyMs / 1000).toFixed(1)} s`;
  return (
    <li
      data-testid="diagram-node"
      data-role={node.role}
      data-status={node.status}
      className={cn(
        "flex min-w-0 flex-col rounded-md border px-2 py-1.5 transition-colors",
        status.className,
      )}
    >
      <span className="flex items-start gap-1.5 text-xs font-semibold">
        <span aria-hidden="true" className={cn(node.status === "running" && "animate-pulse text-accent")}>
          {status.icon}
        </span>
        {/* Wraps rather than cuts: a phone's two columns are too narrow for "Providing solutions". */}
        <span className="min-w-0" data-testid="diagram-node-label">
          {roleLabel(node.role)}
        </span>
      </span>
      <span className="text-[11px] tabular-nums text-fg-muted">
        {status.word}
        {time ? ` · ${time}` : ""}
      </span>
    </li>
  );
}

import { Badge } from "@/components/ui/badge";
import { textActionClass } from "@/components/ui/button";
import type { LiveCall, LivePlan as Plan } from "@/lib/live/live-state";
import { CallMeta } from "./call-meta";

/** The CBT plan: the planner's text while it streams, then the technique and the plan. */
export function LivePlan({
  plan,
  call,
  onInspect,
  onRetry,
}: {
  plan: Plan | null;
  call: LiveCall | undefined;
  /** Without it (the replay) there is no inspector to open. */
  onInspect?: (id: string) => void;
  onRetry?: () => void;
}) {
  if (!plan && !call) return null;
  return (
    <section
      aria-label="CBT plan"
      className="mb-6 rounded-lg border border-border bg-surface-raised"
      data-testid="plan"
    >
      <div className="flex flex-wrap items-center gap-3 border-b border-border px-4 py-3">
        <h2 className="text-xs font-semibold uppercase tracking-wide text-fg-muted">CBT plan</h2>
        <span className="text-sm font-semibold" data-testid="plan-technique">
          {plan
            ? (plan.technique ?? "Technique not recognised")
            : call?.status === "failed"
              ? "The planner failed"
              : "Planning…"}
        </span>
        {plan && !plan.technique ? <Badge tone="warning">Not one of the 12 techniques</Badge> : null}
        {call && onInspect ? (
          <button type="button" className={textActionClass("ml-auto")} onClick={() => onInspect(call.id)}>
            inspect planner call
          </button>
        ) : null}
      </div>
      <details className="px-4 py-3" open={!plan}>
        <summary className="cursor-pointer text-sm text-fg-muted hover:text-fg">
          Planner&apos;s answer and session plan
        </summary>
        {plan ? (
          <>
            {plan.techniqueRaw ? (
              <p className="prose-clinical mt-3 text-sm text-fg-muted">{plan.techniqueRaw.trim()}</p>
            ) : null}
            <p className="prose-clinical mt-3">{plan.plan.trim()}</p>
          </>
        ) : call?.status === "failed" ? (
          <div className="mt-3 text-sm" role="alert">
            <p className="text-danger">{call.error ?? "The planner failed."}</p>
            {onRetry ? (
              <button type="button" onClick={onRetry} className={textActionClass("mt-1")}>
                Retry
              </button>
            ) : null}
          </div>
        ) : (
          <p className="prose-clinical mt-3" data-testid="plan-streaming">
            {call?.text}
            <span className="ml-0.5 animate-pulse text-accent">▍</span>
          </p>
        )}
        {call ? <CallMeta call={call} /> : null}
      </details>
    </section>
  );
}

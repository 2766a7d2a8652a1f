export function PlanPanel({
  technique,
  techniqueRaw,
  plan,
}: {
  technique: string | null;
  techniqueRaw: string | null;
  plan: string | null;
}) {
  if (!technique && !plan) return null;
  return (
    <section
      aria-label="CBT plan"
      className="mb-6 rounded-lg border border-border bg-surface-raised"
      data-testid="plan"
    >
      <div className="flex items-center gap-3 border-b border-border px-4 py-3">
        <h2 className="text-xs font-semibold uppercase tracking-wide text-fg-muted">CBT plan</h2>
        <span className="text-sm font-semibold" data-testid="plan-technique">
          {technique ?? "Technique not recognised"}
        </span>
      </div>
      <details className="group px-4 py-3">
        <summary className="cursor-pointer text-sm text-fg-muted hover:text-fg">
          Planner&apos;s answer and session plan
        </summary>
        {techniqueRaw ? (
          <p className="prose-clinical mt-3 text-sm text-fg-muted">{techniqueRaw.trim()}</p>
        ) : null}
        {plan ? <p className="prose-clinical mt-3">{plan.trim()}</p> : null}
      </details>
    </section>
  );
}

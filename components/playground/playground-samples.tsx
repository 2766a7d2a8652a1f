import { Badge } from "@/components/ui/badge";
import type { Sample } from "./use-playground-run";

/** The stored output beside the samples of the latest run, each streaming into its own column. */
export function PlaygroundSamples({
  original,
  originalModel,
  samples,
  running,
}: {
  original: string | null;
  originalModel: string;
  samples: Sample[];
  running: boolean;
}) {
  const finished = samples.filter((s) => s.status !== "running").length;
  return (
    <section aria-labelledby="samples-heading" className="min-w-0">
      <h2 id="samples-heading" className="mb-2 text-sm font-semibold">
        Original and samples
      </h2>
      <p role="status" className="sr-only">
        {samples.length ? `${finished} of ${samples.length} samples finished` : ""}
      </p>
      <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3" data-testid="playground-samples">
        <Column title="Original (stored)" meta={originalModel} testId="playground-original">
          {original ?? <span className="italic text-fg-muted">No output was stored.</span>}
        </Column>
        {samples.map((sample) => (
          <Column
            key={sample.n}
            title={`Sample ${sample.n}`}
            meta={metaOf(sample)}
            testId="playground-sample"
            status={sample.status}
          >
            {sample.text}
            {sample.status === "running" ? <span className="ml-0.5 animate-pulse text-accent">▍</span> : null}
            {sample.error ? <span className="mt-1 block text-xs text-danger">{sample.error}</span> : null}
          </Column>
        ))}
        {!samples.length && !running ? (
          <p className="self-center text-sm text-fg-muted">Run the prompt to see samples here.</p>
        ) : null}
      </div>
    </section>
  );
}

function Column({
  title,
  meta,
  status,
  testId,
  children,
}: {
  title: string;
  meta: string;
  status?: Sample["status"];
  testId: string;
  children: React.ReactNode;
}) {
  return (
    <article
      className="min-w-0 rounded-lg border border-border bg-surface-raised p-3"
      data-testid={testId}
      data-status={status}
      aria-label={title}
    >
      <header className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-fg-muted">{title}</h3>
        {status ? <Badge tone={TONES[status]}>{status}</Badge> : null}
      </header>
      <p className="prose-clinical font-serif text-sm whitespace-pre-wrap break-words">{children}</p>
      <p className="mt-2 text-[11px] text-fg-muted tabular-nums">{meta}</p>
    </article>
  );
}

const TONES = { running: "accent", finished: "success", failed: "danger" } as const;

function metaOf(sample: Sample): string {
  const model = sample.modelId.includes("offline-simulator") ? "offline simulator" : sample.modelId;
  if (sample.latencyMs === undefined) return model;
  const tokens = sample.tokensOut == null ? "" : ` · ${sample.tokensOut} tokens`;
  return `${model} · ${(sample.latencyMs / 1000).toFixed(1)} s${tokens}`;
}

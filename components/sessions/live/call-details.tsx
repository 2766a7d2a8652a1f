import Link from "next/link";
import type { ReactNode } from "react";
import { roleLabel } from "@/components/ui/agent-labels";
import { Badge, type Tone } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { AgentCallAttempt, AgentCallDetail } from "@/lib/sessions/agent-calls";

// The body of the agent-call inspector: what the call was given and what it gave back.

export function CallDetails({ call }: { call: AgentCallDetail }) {
  const settings = call.settings;
  const attempts = Math.max(call.attempts.length, ...call.attempts.map((a) => a.attempt), call.attempt);
  return (
    <div className="flex flex-col gap-5 text-sm" data-status={call.status}>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1.5">
        <Field label="Role">
          {roleLabel(call.role)} <code className="text-xs text-fg-muted">{call.role}</code>
          {call.roundIndex !== null ? (
            <span className="text-fg-muted"> · round {call.roundIndex}</span>
          ) : null}
        </Field>
        <Field label="Technique">{call.technique ?? "—"}</Field>
        <Field label="Model">
          <span className="font-mono text-xs">{call.modelId}</span>
          <span className="text-fg-muted"> via {call.provider}</span>
          {call.modelId.includes("offline-simulator") ? (
            <Badge
              tone="warning"
              className="ml-2"
              title="Deterministic text from the built-in simulator, not a language model"
            >
              <span data-testid="inspector-offline">Offline simulator</span>
            </Badge>
          ) : null}
        </Field>
        <Field label="Status">
          <StatusBadge status={call.status} />
          {call.error ? <span className="ml-2 text-danger">{call.error}</span> : null}
        </Field>
        <Field label="Attempt">
          {call.attempt} of {attempts}
        </Field>
        <Field label="Latency">{formatLatency(call.latencyMs)}</Field>
        <Field label="Tokens">
          {call.tokensIn ?? "?"} in / {call.tokensOut ?? "?"} out
        </Field>
        <Field label="Started">{formatTime(call.startedAt)}</Field>
        <Field label="Finished">{call.finishedAt ? formatTime(call.finishedAt) : "—"}</Field>
        <Field label="Temperature">{show(settings.temperature)}</Field>
        <Field label="Max tokens">{show(settings.maxOutputTokens ?? settings.maxTokens)}</Field>
        {settings.timeoutMs !== undefined ? (
          <Field label="Timeout">{formatLatency(Number(settings.timeoutMs))}</Field>
        ) : null}
        {call.promptVersion ? (
          <Field label="Prompt">
            <Link
              href={`/prompts?role=${encodeURIComponent(call.promptVersion.role)}&version=${call.promptVersion.version}`}
              className="text-accent underline"
              data-testid="inspector-prompt-version"
            >
              {call.promptVersion.role} v{call.promptVersion.version}
            </Link>
          </Field>
        ) : null}
      </dl>
      {call.attempts.length > 1 ? <Attempts attempts={call.attempts} currentId={call.id} /> : null}
      <Section title="Prompt messages" testId="inspector-prompt">
        {call.promptMessages.length === 0 ? (
          <p className="text-fg-muted">No prompt messages were recorded.</p>
        ) : null}
        {call.promptMessages.map((message, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the messages are a fixed, ordered list
          <div key={i} className="mb-3 last:mb-0" data-testid="inspector-message" data-role={message.role}>
            <p className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-fg-muted">
              {message.role}
            </p>
            <Mono>{message.content}</Mono>
          </div>
        ))}
      </Section>
      <Outputs raw={call.rawOutput} cleaned={call.cleanedOutput} />
    </div>
  );
}

function Attempts({ attempts, currentId }: { attempts: AgentCallAttempt[]; currentId: string }) {
  return (
    <Section title="Attempts">
      <ol className="flex flex-col gap-1.5" data-testid="inspector-attempts">
        {attempts.map((a) => {
          const errored = a.status === "failed" || a.error !== null;
          return (
            <li
              key={a.id}
              aria-current={a.id === currentId ? "true" : undefined}
              data-status={a.status}
              className={cn(
                "rounded-md border px-3 py-1.5",
                errored ? "border-danger/40 bg-danger/10 text-danger" : "border-border",
                a.id === currentId && "ring-1 ring-accent",
              )}
            >
              <span className="font-medium">Attempt {a.attempt}</span> <StatusBadge status={a.status} />
              <span className="ml-2 text-xs text-fg-muted tabular-nums">{formatLatency(a.latencyMs)}</span>
              {a.id === currentId ? <span className="ml-2 text-xs text-fg-muted">(shown)</span> : null}
              {a.error ? <p className="mt-1 text-xs break-words">{a.error}</p> : null}
            </li>
          );
        })}
      </ol>
    </Section>
  );
}

function Outputs({ raw, cleaned }: { raw: string | null; cleaned: string | null }) {
  const differs = raw !== null && cleaned !== null && raw !== cleaned;
  return (
    <Section title="Output">
      <p className="mb-2" data-testid="inspector-output-diff" data-differs={differs}>
        {differs ? (
          <Badge tone="warning">Cleaned output differs from the raw output</Badge>
        ) : raw !== null && raw === cleaned ? (
          <Badge>Cleaned output is the raw output</Badge>
        ) : null}
      </p>
      <div className="grid gap-3 lg:grid-cols-2">
        {(
          [
            ["Raw output", raw, "inspector-raw-output"],
            ["Cleaned output", cleaned, "inspector-cleaned-output"],
          ] as const
        ).map(([label, text, testId]) => (
          <div key={label} data-testid={testId}>
            <p className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-fg-muted">{label}</p>
            {text === null ? <p className="text-fg-muted italic">None recorded.</p> : <Mono>{text}</Mono>}
          </div>
        ))}
      </div>
    </Section>
  );
}

function Section({ title, testId, children }: { title: string; testId?: string; children: ReactNode }) {
  return (
    <section aria-label={title} data-testid={testId}>
      <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-fg-muted">{title}</h3>
      {children}
    </section>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-fg-muted">{label}</dt>
      <dd className="min-w-0 tabular-nums">{children}</dd>
    </>
  );
}

/** Text exactly as written: monospace, whitespace kept, scrollable (and so focusable) when long. */
function Mono({ children }: { children: string }) {
  return (
    <pre
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable block must be reachable to scroll it by keyboard
      tabIndex={0}
      className="max-h-72 overflow-auto rounded-md border border-border bg-surface-muted p-2.5 font-mono text-xs leading-relaxed whitespace-pre-wrap break-words"
    >
      {children}
    </pre>
  );
}

const STATUS_TONES: Record<AgentCallAttempt["status"], Tone> = {
  running: "accent",
  succeeded: "success",
  failed: "danger",
  cancelled: "warning",
};

function StatusBadge({ status }: { status: AgentCallAttempt["status"] }) {
  return <Badge tone={STATUS_TONES[status] ?? "neutral"}>{status}</Badge>;
}

function show(value: unknown): string {
  return value === undefined || value === null ? "—" : String(value);
}

function formatLatency(ms: number | null): string {
  if (ms === null || Number.isNaN(ms)) return "—";
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(2)} s`;
}

function formatTime(iso: string): string {
  return iso.replace("T", " ").replace("Z", " UTC");
}

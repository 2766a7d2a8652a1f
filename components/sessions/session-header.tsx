import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ATTITUDE_TONE, formatDate, STATUS_LABELS, VARIANT_LABELS } from "@/components/ui/labels";
import { describeSessionModels } from "@/lib/sessions/config";
import type { SessionDetail } from "@/lib/sessions/queries";

export function SessionHeader({ session }: { session: SessionDetail }) {
  const status = STATUS_LABELS[session.status];
  const { profile } = session;
  return (
    <header className="mb-6">
      <Link href="/sessions" className="text-xs text-fg-muted hover:text-fg">
        ← Sessions
      </Link>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <h1 className="text-xl font-semibold tracking-tight">
          <Link href={`/profiles/${profile.id}`} className="hover:underline">
            {profile.name}
          </Link>
        </h1>
        <Badge tone={ATTITUDE_TONE[profile.attitude]}>{profile.attitude}</Badge>
        <Badge tone={status.tone}>
          <span data-testid="session-status">{status.label}</span>
        </Badge>
        <Badge tone="accent">{VARIANT_LABELS[session.variant]}</Badge>
        {session.source === "imported" ? <Badge>Imported</Badge> : null}
      </div>
      <p className="mt-2 max-w-3xl text-sm text-fg-muted">{profile.presentingProblem}</p>
      <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-xs text-fg-muted">
        <div>
          <dt className="inline">Rounds: </dt>
          <dd className="inline tabular-nums text-fg">
            {session.roundCount} / {session.maxRounds}
          </dd>
        </div>
        <div>
          <dt className="inline">Models: </dt>
          <dd className="inline text-fg">{describeSessionModels(session.config)}</dd>
        </div>
        <div>
          <dt className="inline">Tokens: </dt>
          <dd className="inline tabular-nums text-fg">
            {session.tokensIn.toLocaleString("en")} in · {session.tokensOut.toLocaleString("en")} out
          </dd>
        </div>
        <div>
          <dt className="inline">Created: </dt>
          <dd className="inline tabular-nums text-fg">{formatDate(session.createdAt)}</dd>
        </div>
      </dl>
    </header>
  );
}

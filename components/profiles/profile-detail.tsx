import Link from "next/link";
import type { ReactNode } from "react";
import { SessionStatusBadge } from "@/components/sessions/session-status-badge";
import { Utterance } from "@/components/sessions/utterance";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ATTITUDE_TONE, formatDate, VARIANT_LABELS } from "@/components/ui/labels";
import { paperSplitOf } from "@/lib/import-export/session-number";
import type { ProfileDetail } from "@/lib/profiles/schema";

export function ProfileDetailView({
  profile,
  canStartSession,
}: {
  profile: ProfileDetail;
  /** Researchers may start sessions; viewers only read. */
  canStartSession: boolean;
}) {
  return (
    <div className="max-w-5xl" data-testid="profile-detail">
      <Link href="/profiles" className="text-xs text-fg-muted hover:text-fg">
        ← Profiles
      </Link>
      <div className="mt-1 mb-6 flex flex-wrap items-center gap-2">
        <h1 className="text-xl font-semibold tracking-tight">{profile.name}</h1>
        <Badge tone={ATTITUDE_TONE[profile.attitude]}>
          <span data-testid="profile-attitude">{profile.attitude}</span>
        </Badge>
        <Badge>{profile.source}</Badge>
        {profile.referenceTechniques.map((t) => (
          <Badge key={t} tone="accent" title="Reference CBT technique from the source data">
            {t}
          </Badge>
        ))}
      </div>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="flex flex-col gap-6">
          <Card>
            <CardHeader title="Intake" />
            <dl className="grid gap-4 px-4 py-4 text-sm">
              <Fact label="Presenting problem">{profile.presentingProblem}</Fact>
              <Fact label="Reason for counseling">{profile.reasonForCounseling}</Fact>
              <Fact label="Past history">{profile.pastHistory}</Fact>
              <Fact label="Functioning">{profile.functioning}</Fact>
              <Fact label="Social support">{profile.socialSupport}</Fact>
            </dl>
          </Card>
          <Card>
            <CardHeader
              title="Opening exchange"
              subtitle="Every session with this client starts with these two turns."
            />
            <div className="px-4 py-4">
              <Utterance speaker="counselor" text={profile.openingCounselor} />
              <Utterance speaker="client" text={profile.openingClient} />
            </div>
          </Card>
          <Card>
            <CardHeader
              title="Attitude instruction"
              subtitle="What the simulated client is told about how to behave."
            />
            <p className="prose-clinical px-4 py-4 text-sm">{profile.attitudeInstruction}</p>
          </Card>
          <details className="rounded-lg border border-border bg-surface-raised">
            <summary className="cursor-pointer px-4 py-3 text-sm font-medium">Intake form as written</summary>
            <pre className="overflow-x-auto border-t border-border px-4 py-3 text-xs whitespace-pre-wrap">
              {profile.intakeText}
            </pre>
          </details>
        </div>
        <div className="flex flex-col gap-6">
          <Card>
            <CardHeader title="Client" />
            <dl className="grid gap-3 px-4 py-4 text-sm">
              <Fact label="Age">{profile.age?.toString()}</Fact>
              <Fact label="Gender">{profile.gender}</Fact>
              <Fact label="Occupation">{profile.occupation}</Fact>
              <Fact label="Education">{profile.education}</Fact>
              <Fact label="Marital status">{profile.maritalStatus}</Fact>
              <Fact label="Family">{profile.familyDetails}</Fact>
            </dl>
          </Card>
          <Card>
            <CardHeader
              title="Sessions"
              subtitle={`${profile.sessionCount} in all`}
              actions={
                canStartSession ? (
                  <Link
                    href={`/sessions/new?profile=${encodeURIComponent(profile.id)}`}
                    className={buttonClass("secondary")}
                    data-testid="new-session-with-client"
                  >
                    New session with this client
                  </Link>
                ) : null
              }
            />
            {profile.recentSessions.length ? (
              <ul className="divide-y divide-border text-sm">
                {profile.recentSessions.map((s) => (
                  <li key={s.id} className="px-4 py-2">
                    <Link href={`/sessions/${s.id}`} className="font-medium text-accent hover:underline">
                      {VARIANT_LABELS[s.variant]} · {s.roundCount} rounds
                    </Link>
                    <SessionNumber number={s.sessionNumber} />
                    <div className="mt-0.5 flex items-center gap-2 text-xs text-fg-muted">
                      <SessionStatusBadge status={s.status} awaiting={s.awaiting} />
                      {s.technique ?? "—"} · {formatDate(s.createdAt)}
                    </div>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="px-4 py-4 text-sm text-fg-muted">No sessions with this client yet.</p>
            )}
          </Card>
        </div>
      </div>
    </div>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium text-fg-muted">{label}</dt>
      <dd className="prose-clinical mt-0.5">{children || <span className="text-fg-muted">—</span>}</dd>
    </div>
  );
}

/** Where an imported session_N.json sits in the paper's fine-tuning split. */
function SessionNumber({ number }: { number: number | null }) {
  if (number === null) return null;
  const split = paperSplitOf(number);
  return (
    <span className="ml-2 text-xs text-fg-muted" data-testid="session-number">
      session_{number}
      {split ? ` · ${split} split` : ""}
    </span>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SessionView } from "@/components/sessions/session-view";
import { AppError } from "@/lib/errors";
import { getSessionDetailById, type SessionDetail } from "@/lib/sessions/queries";

type Props = { params: Promise<{ id: string }> };

async function loadSession(id: string): Promise<SessionDetail> {
  try {
    return await getSessionDetailById({ id });
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const session = await loadSession((await params).id);
  return { title: `Session · ${session.profile.name}` };
}

export default async function SessionPage({ params }: Props) {
  const session = await loadSession((await params).id);
  return <SessionView session={session} />;
}

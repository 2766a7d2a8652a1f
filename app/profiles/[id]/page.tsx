import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ProfileDetailView } from "@/components/profiles/profile-detail";
import { CourseList } from "@/components/sessions/course/course-list";
import { requirePageUser } from "@/lib/auth/page";
import { hasRole } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { pageRecordId } from "@/lib/http/page-params";
import { getProfileById } from "@/lib/profiles/queries";
import { listCoursesByProfileId } from "@/lib/sessions/course";

type Props = { params: Promise<{ id: string }> };

async function loadProfile(id: string) {
  const user = await requirePageUser("viewer");
  try {
    return { user, profile: await getProfileById({ id }) };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Profile · ${(await loadProfile(await pageRecordId(params))).profile.name}` };
}

export default async function ProfilePage({ params }: Props) {
  const { user, profile } = await loadProfile(await pageRecordId(params));
  const courses = await listCoursesByProfileId({ id: profile.id });
  return (
    <>
      <ProfileDetailView profile={profile} canStartSession={hasRole(user.role, "researcher")} />
      <CourseList courses={courses} />
    </>
  );
}

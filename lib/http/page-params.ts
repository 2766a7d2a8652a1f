import { notFound } from "next/navigation";
import { idSchema } from "./fields";

/** The id segment of a record's page; a segment that cannot be an id names no record: 404. */
export async function pageRecordId(params: Promise<{ id: string }>): Promise<string> {
  const parsed = idSchema.safeParse((await params).id);
  if (!parsed.success) notFound();
  return parsed.data;
}

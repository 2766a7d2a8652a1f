import { listAuditEntries } from "@/lib/auth/audit";
import { route } from "@/lib/http/route";

/** The latest 200 entries of the audit log, newest first. */
export const GET = route({ role: "researcher" }, async () => ({ items: await listAuditEntries() }));

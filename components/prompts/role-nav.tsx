import Link from "next/link";
import { roleLabel } from "@/components/ui/agent-labels";
import { cn } from "@/components/ui/cn";

/** The agent roles, each a link to its versions, named in words (the stored key in the tooltip). */
export function RoleNav({ roles, current }: { roles: readonly string[]; current: string }) {
  return (
    <nav aria-label="Agent roles" className="mb-4">
      <ul className="flex flex-wrap gap-1.5">
        {roles.map((role) => (
          <li key={role}>
            <Link
              href={`/prompts?role=${encodeURIComponent(role)}`}
              aria-current={role === current ? "page" : undefined}
              title={role}
              className={cn(
                "inline-block rounded-md border border-border px-2 py-1 text-xs",
                role === current ? "bg-accent-soft text-fg" : "text-fg-muted hover:text-fg",
              )}
            >
              {roleLabel(role)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

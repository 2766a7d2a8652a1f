import type { Metadata } from "next";
import { PromptVersions } from "@/components/prompts/prompt-versions";
import { RoleNav } from "@/components/prompts/role-nav";
import { RoleVariables } from "@/components/prompts/role-variables";
import { roleLabel } from "@/components/ui/agent-labels";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/page";
import { hasRole } from "@/lib/auth/roles";
import { variablesOfRole } from "@/lib/prompts/check";
import { PROMPT_ROLES } from "@/lib/prompts/registry";
import { promptRoleSchema } from "@/lib/prompts/schema";
import { PROMPT_VARIABLE_DOCS } from "@/lib/prompts/template";
import { listPromptVersionsByRole } from "@/lib/prompts/versions";

export const metadata: Metadata = { title: "Prompts" };

type Props = { searchParams: Promise<{ role?: string | string[]; version?: string | string[] }> };

export default async function PromptsPage({ searchParams }: Props) {
  const user = await requirePageUser("viewer");
  const query = await searchParams;
  const role = promptRoleSchema.catch("planner").parse(query.role);
  const version = Number(query.version) || undefined;
  const versions = await listPromptVersionsByRole({ role });
  const { allowed, required } = variablesOfRole(role);
  return (
    <>
      <PageHeader
        title="Prompts"
        description="The versions of each agent's prompt: compare any two, write a new one, mark one active. Sessions freeze the versions they ran with."
      />
      <RoleNav roles={PROMPT_ROLES} current={role} />
      <div className="grid max-w-5xl gap-4">
        <h2 className="text-sm font-semibold" data-testid="prompt-role">
          {roleLabel(role)}{" "}
          <code
            className="ml-1 text-xs font-normal text-fg-muted"
            title="The role's key in exports and the API"
          >
            {role}
          </code>
        </h2>
        <PromptVersions
          role={role}
          versions={versions}
          highlighted={version}
          canEdit={hasRole(user.role, "researcher")}
        />
        <RoleVariables allowed={allowed} required={required} docs={PROMPT_VARIABLE_DOCS} />
      </div>
    </>
  );
}

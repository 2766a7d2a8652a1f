import type { Metadata } from "next";
import { PromptCard } from "@/components/prompts/prompt-card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/page";
import { DEFAULT_PROMPTS, PROMPT_ROLES } from "@/lib/prompts/registry";
import { PROMPT_VARIABLE_DOCS } from "@/lib/prompts/template";

export const metadata: Metadata = { title: "Prompts" };

export default async function PromptsPage() {
  await requirePageUser("viewer", "/prompts");
  return (
    <>
      <PageHeader
        title="Prompts"
        description="The prompt each agent sends, with its version and the variables filled in at run time. Sessions freeze the versions they ran with."
      />
      <div className="grid grid-cols-1 max-w-5xl gap-4">
        {PROMPT_ROLES.map((role) => (
          <PromptCard key={role} template={DEFAULT_PROMPTS[role]} variableDocs={PROMPT_VARIABLE_DOCS} />
        ))}
      </div>
    </>
  );
}

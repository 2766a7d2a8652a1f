import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import type { PromptTemplate, PromptVariable } from "@/lib/prompts/template";

export function PromptCard({
  template,
  variableDocs,
}: {
  template: PromptTemplate;
  variableDocs: Record<PromptVariable, string>;
}) {
  return (
    <Card data-testid="prompt-card">
      <CardHeader
        title={<code className="font-mono">{template.role}</code>}
        subtitle={template.note}
        actions={<Badge tone="accent">v{template.version} · built-in</Badge>}
      />
      <div className="grid gap-3 px-4 py-3 text-sm">
        <PromptText label="System" text={template.system} />
        <PromptText label="User" text={template.user} />
        {/\{\{#/.test(`${template.system}${template.user}`) ? (
          <p className="text-xs text-fg-muted" data-testid="optional-blocks-note">
            Text between <code className="font-mono">{"{{#name}}"}</code> and{" "}
            <code className="font-mono">{"{{/name}}"}</code> is sent only when the agent is given that input
            in the session's variant and switches; otherwise it is left out.
          </p>
        ) : null}
        <div>
          <p className="mb-1 text-xs font-medium text-fg-muted">Variables</p>
          <ul className="grid gap-1 text-xs">
            {template.variables.map((name) => (
              <li key={name} className="[overflow-wrap:anywhere]">
                <code className="font-mono text-fg">{`{{${name}}}`}</code>{" "}
                <span className="text-fg-muted">{variableDocs[name]}</span>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </Card>
  );
}

function PromptText({ label, text }: { label: string; text: string }) {
  return (
    <details>
      <summary className="cursor-pointer text-xs font-medium text-fg-muted hover:text-fg">
        {label} message
      </summary>
      <pre className="mt-2 max-h-96 overflow-auto rounded-md bg-surface-muted p-3 font-mono text-xs whitespace-pre-wrap">
        {text}
      </pre>
    </details>
  );
}

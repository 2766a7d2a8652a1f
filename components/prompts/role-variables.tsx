import { Card, CardHeader } from "@/components/ui/card";

/** The variables a role's template may use, the required ones marked, and how optional blocks work. */
export function RoleVariables({
  allowed,
  required,
  docs,
}: {
  allowed: string[];
  required: string[];
  docs: Record<string, string>;
}) {
  return (
    <Card>
      <CardHeader
        title="Variables"
        subtitle="A version may use only these; the required ones it must keep."
      />
      <ul className="grid gap-1 px-4 py-3 text-xs" data-testid="role-variables">
        {allowed.map((name) => (
          <li key={name} className="[overflow-wrap:anywhere]">
            <code className="font-mono text-fg">{`{{${name}}}`}</code>
            {required.includes(name) ? <strong className="ml-1 text-fg">required</strong> : null}{" "}
            <span className="text-fg-muted">{docs[name]}</span>
          </li>
        ))}
      </ul>
      <p className="border-t border-border px-4 py-2 text-xs text-fg-muted">
        Text between <code className="font-mono">{"{{#name}}"}</code> and{" "}
        <code className="font-mono">{"{{/name}}"}</code> is sent only when the agent is given that input in
        the session&apos;s variant and switches.
      </p>
    </Card>
  );
}

import type { Metadata } from "next";
import { ModelSettings } from "@/components/settings/model-settings";
import { Card, CardHeader } from "@/components/ui/card";
import { formatCount } from "@/components/ui/labels";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/page";
import { describeDatabase, getDatabaseStats } from "@/lib/db/stats";
import { defaultModelRefs, defaultProvider, listAvailableModels, simulatorOptions } from "@/lib/providers";

export const metadata: Metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  await requirePageUser("viewer");
  const stats = await getDatabaseStats();
  return (
    <>
      <PageHeader
        title="Settings"
        description="Models and database as configured in the environment (.env). Sessions can override models when they are created."
      />
      <div className="grid grid-cols-1 max-w-4xl gap-6">
        <ModelSettings
          provider={defaultProvider()}
          models={defaultModelRefs()}
          available={listAvailableModels()}
          simulator={simulatorOptions()}
        />
        <Card>
          <CardHeader title="Database" subtitle={describeDatabase()} />
          <dl className="grid grid-cols-2 gap-4 px-4 py-4 text-sm sm:grid-cols-4">
            {Object.entries(stats).map(([label, count]) => (
              <div key={label}>
                <dt className="text-xs text-fg-muted">{label.replace(/([A-Z])/g, " $1").toLowerCase()}</dt>
                <dd className="text-lg font-semibold tabular-nums">{formatCount(count)}</dd>
              </div>
            ))}
          </dl>
        </Card>
      </div>
    </>
  );
}

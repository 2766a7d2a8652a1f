import type { Metadata } from "next";
import { connection } from "next/server";
import { type ReactNode, Suspense } from "react";
import { AccountBadge } from "@/components/auth/account-badge";
import { AppShell } from "@/components/layout/app-shell";
import { ModelBadge } from "@/components/layout/model-badge";
import { QueryProvider } from "@/components/layout/query-provider";
import { pageUser } from "@/lib/auth/page";
import { hasRole } from "@/lib/auth/roles";
import { THEME_SCRIPT } from "@/lib/http/csp";
import { getEventHub } from "@/lib/live/event-hub";
import { defaultModelRef } from "@/lib/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "MAGneT Studio", template: "%s · MAGneT Studio" },
  description: "Generate, inspect, steer and annotate synthetic CBT counseling sessions with MAGneT.",
  icons: { icon: "/favicon.svg" },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* The CSP allows this script by its hash (lib/http/csp.ts). */}
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: constant inline script, no user input */}
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body>
        <QueryProvider>
          <AppShell
            status={
              <Suspense>
                <ServerStatus />
              </Suspense>
            }
          >
            {children}
          </AppShell>
        </QueryProvider>
      </body>
    </html>
  );
}

/**
 * Read at request time, not build time: the default model (from this server's environment), and
 * the start of this process's session-event listener with the first page it serves, so that a page
 * opened later mid-round (say, of a run started by `npm run generate`) gets the text streamed so far.
 */
async function ServerStatus() {
  await connection();
  await getEventHub().catch((error: Error) =>
    console.error(`Session events are not available: ${error.message}`),
  );
  const user = await pageUser();
  return (
    <>
      <AccountBadge
        user={user && { email: user.email, role: user.role }}
        canManageUsers={user !== null && hasRole(user.role, "researcher")}
      />
      <ModelBadge model={defaultModelRef("fuser")} />
    </>
  );
}

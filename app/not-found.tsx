import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Not found" };

/** For unknown paths and for records that do not exist (pages call notFound()). */
export default function NotFound() {
  return (
    <div data-testid="not-found">
      <PageHeader title="Not found" description="There is no page, session or profile at this address." />
      <Link href="/sessions" className="text-sm underline">
        Go to the sessions
      </Link>
    </div>
  );
}

import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Link no longer valid" };

/** Unknown, revoked and expired links alike: which one it was is nobody's business but the sharer's. */
export default function ReplayLinkInvalid() {
  return (
    <div data-testid="replay-invalid" className="mx-auto max-w-xl">
      <PageHeader
        title="This link is no longer valid"
        description="The replay link has expired, was revoked by whoever shared it, or never existed. Ask them for a new one."
      />
    </div>
  );
}

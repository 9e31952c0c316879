import { canWrite } from "@/server/auth/session";
import { isSandboxSpace, pageSpaceAccess } from "@/server/data/phone-numbers";
import { Overview } from "@/components/phone-numbers/overview";

type Props = { params: Promise<{ space: string; phone: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The Overview tab. The number itself comes hydrated from the layout's read. */
export default async function NumberOverviewPage({ params, searchParams }: Props) {
  const { space, phone } = await params;
  const { role } = await pageSpaceAccess(space);
  const [sandbox, sp] = await Promise.all([isSandboxSpace(space), searchParams]);
  return <Overview spaceId={space} phone={phone} canWrite={canWrite(role)} sandbox={sandbox} startVerify={sp.verify === "1"} />;
}

import { Settings } from "lucide-react";
import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** CAMS answers that mean the space's CustSpaceId or cloud account is wrong, not that CAMS is unwell. */
const SETUP_CODES = new Set([
  "Unknown.ResourceOwnerId",
  "Space.NoAccount",
  "Account.SecretUnreadable",
  "InvalidAccessKeyId.NotFound",
  "InvalidAccessKeyId.Inactive",
  "SignatureDoesNotMatch",
]);

export const isSpaceSetupError = (code: string | undefined) => !!code && SETUP_CODES.has(code);

/**
 * Above the explained error of a space whose setup is wrong: what to fix, and where. Administrators
 * get the link to Settings → Spaces; everyone else is told whom to ask.
 */
export async function SpaceSetupNotice({ spaceName, isAdmin }: { spaceName: string; isAdmin: boolean }) {
  const t = await getTranslations("spaceCheck.notice");
  return (
    <Alert variant="warning" data-testid="space-setup-notice">
      <Settings aria-hidden="true" />
      <AlertTitle>{t("title", { space: spaceName })}</AlertTitle>
      <AlertDescription>
        <p>{isAdmin ? t("admin") : t("member")}</p>
        {isAdmin ? (
          <Button asChild variant="outline" size="sm" className="mt-2">
            <Link href="/settings/spaces">{t("open")}</Link>
          </Button>
        ) : null}
      </AlertDescription>
    </Alert>
  );
}

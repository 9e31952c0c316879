"use client";

import { Send } from "lucide-react";
import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { ActionErrorAlert } from "@/components/action-error";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import { TEST_EVENT_KINDS, type TestDeliveryOutcome, type TestEventKind } from "@/lib/schemas/webhooks";
import { callbackUrlIssue } from "@/lib/url-safety";
import { sendTestEventAction } from "@/server/actions/webhooks";
import { TestResult } from "./test-result";

const DOCS = {
  status: "https://www.alibabacloud.com/help/en/chatapp/developer-reference/chatappstatus-1",
  inbound: "https://www.alibabacloud.com/help/en/chatapp/developer-reference/chatappinbound",
} as const;

interface Props {
  spaceId: string;
  phoneNumber?: string;
  /** The URLs currently in the form above (saved or not), by event kind; a kind without a key is not offered. */
  targets: Partial<Record<TestEventKind, string>>;
}

/** "Send a test event": the server posts a sample callback to a URL from the form and shows the answer. */
export function TestDelivery({ spaceId, phoneNumber, targets }: Props) {
  const t = useTranslations("webhooks.test");
  const tv = useTranslations();
  const kinds = TEST_EVENT_KINDS.filter((k) => k in targets);
  const [kind, setKind] = useState<TestEventKind>(kinds[0] ?? "status");
  const [outcome, setOutcome] = useState<TestDeliveryOutcome | null>(null);
  const groupId = useId();
  const action = useAction(sendTestEventAction, {
    onExecute: () => setOutcome(null),
    onSuccess: ({ data }) => setOutcome(data ?? null),
  });
  const url = (targets[kind] ?? "").trim();
  const issue = url ? callbackUrlIssue(url) : null;
  const validation = action.result.validationErrors as { url?: { _errors?: string[] } } | undefined;
  const serverIssue = validation?.url?._errors?.[0];

  return (
    <Card className="gap-4" data-testid="test-delivery">
      <CardHeader>
        <CardTitle asHeading="h3">{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {kinds.length > 1 ? (
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">{t("kind")}</legend>
            {kinds.map((k) => (
              <label key={k} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name={groupId}
                  value={k}
                  checked={kind === k}
                  onChange={() => setKind(k)}
                  className="size-4 accent-primary"
                />
                {k === "status" ? t("kindStatus") : t("kindInbound")}
              </label>
            ))}
          </fieldset>
        ) : null}
        <div className="space-y-1 text-sm">
          <p className="text-muted-foreground">{t("target")}</p>
          {url ? (
            <p className="font-mono text-xs break-all" data-testid="test-target">
              {url}
            </p>
          ) : (
            <p className="text-muted-foreground">{t("noTarget")}</p>
          )}
          {issue ? <p className="text-destructive">{t("fixUrl")}</p> : null}
          {serverIssue && tv.has(serverIssue) ? <p className="text-destructive">{tv(serverIssue)}</p> : null}
        </div>
        <Button
          type="button"
          variant="outline"
          disabled={!url || !!issue || action.isPending}
          aria-busy={action.isPending || undefined}
          onClick={() => action.execute({ spaceId, phoneNumber, kind, url })}
        >
          {action.isPending ? <Spinner /> : <Send aria-hidden="true" />}
          {t("send")}
        </Button>
        <div aria-live="polite">
          <ActionErrorAlert error={action.result.serverError} />
          {outcome ? <TestResult outcome={outcome} /> : null}
        </div>
        <p className="text-xs text-muted-foreground">
          {t("sampleNote")}{" "}
          <a href={DOCS[kind]} target="_blank" rel="noreferrer" className="underline underline-offset-2 hover:text-foreground">
            {kind === "status" ? t("docsStatus") : t("docsInbound")}
          </a>
        </p>
      </CardContent>
    </Card>
  );
}

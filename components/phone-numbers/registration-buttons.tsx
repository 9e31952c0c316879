"use client";

import { useAction } from "next-safe-action/hooks";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { useToastActionError } from "@/components/action-error";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { useInvalidatePhone } from "@/components/phone-numbers/queries";
import { Button } from "@/components/ui/button";
import { canOffer } from "@/lib/number-states";
import { formatPhoneNumber } from "@/lib/phone";
import type { PhoneNumberDetail } from "@/lib/schemas/phone-numbers";
import { deregisterPhoneNumberAction, registerPhoneNumberAction } from "@/server/actions/phone-numbers";

/**
 * Register / deregister a verified number, each behind a confirmation that says what it does and
 * costs, and each only in a state where it makes sense (lib/number-states.ts).
 */
export function RegistrationButtons({ spaceId, number }: { spaceId: string; number: PhoneNumberDetail }) {
  const t = useTranslations("phoneNumbers.registration");
  const toastError = useToastActionError();
  const invalidate = useInvalidatePhone();
  const register = useAction(registerPhoneNumberAction);
  const deregister = useAction(deregisterPhoneNumberAction);
  const offerRegister = canOffer("register", number);
  const offerDeregister = canOffer("deregister", number);
  if (!offerRegister && !offerDeregister) return null;

  const phone = number.phoneNumber;
  const shown = formatPhoneNumber(phone);
  const run = async (which: "register" | "deregister") => {
    const r = await (which === "register" ? register : deregister).executeAsync({ spaceId, phoneNumber: phone });
    if (r?.data) {
      toast.success(t(which === "register" ? "registered" : "deregistered", { phone: shown }));
      await invalidate(spaceId, phone);
    } else {
      toastError(r?.serverError, r?.validationErrors ? t("failed") : undefined);
    }
  };
  const limit = <p>{t("weeklyLimit")}</p>;

  return (
    <div className="flex shrink-0 flex-wrap gap-2">
      {offerRegister ? (
        <ConfirmDialog
          trigger={<Button variant="outline">{t("register")}</Button>}
          title={t("registerTitle", { phone: shown })}
          description={
            <div className="space-y-2">
              <p>{t("registerBody")}</p>
              {limit}
            </div>
          }
          confirmLabel={t("register")}
          onConfirm={() => run("register")}
        />
      ) : null}
      {offerDeregister ? (
        <ConfirmDialog
          trigger={<Button variant="outline">{t("deregister")}</Button>}
          title={t("deregisterTitle", { phone: shown })}
          description={
            <div className="space-y-2">
              <p>{t("deregisterBody")}</p>
              {limit}
            </div>
          }
          confirmLabel={t("deregister")}
          destructive
          onConfirm={() => run("deregister")}
        />
      ) : null}
    </div>
  );
}

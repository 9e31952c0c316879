"use client";

import { Plus } from "lucide-react";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { PickableSpace } from "@/components/phone-numbers/space-picker";

// The dialog (Radix's, with its focus trap) and the form load when first wanted, not with the
// list: hovering or focusing the button fetches both ahead of the click.
const loadBody = () => import("@/components/phone-numbers/add-number-dialog-body");
const AddNumberDialogBody = dynamic(() => loadBody().then((m) => m.AddNumberDialogBody), { ssr: false });
const preload = () => void loadBody().then((m) => m.loadForm());

/** "Add number", then the offer to verify it right away. */
export function AddNumberDialog({ pickSpace, defaultSpace }: { pickSpace: boolean; defaultSpace: PickableSpace }) {
  const t = useTranslations("phoneNumbers.add");
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  // Kept once opened, so closing plays out and reopening is at once.
  const [wanted, setWanted] = useState(false);
  return (
    <>
      <Button
        ref={trigger}
        aria-haspopup="dialog"
        aria-expanded={open}
        onPointerEnter={preload}
        onFocus={preload}
        onClick={() => {
          setWanted(true);
          setOpen(true);
        }}
      >
        <Plus aria-hidden="true" />
        {t("open")}
      </Button>
      {wanted ? <AddNumberDialogBody returnFocus={trigger} pickSpace={pickSpace} defaultSpace={defaultSpace} open={open} setOpen={setOpen} /> : null}
    </>
  );
}

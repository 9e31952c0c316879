"use client";

import { useCallback, useEffect, useState, useSyncExternalStore } from "react";

export const RESEND_COOLDOWN_S = 60;
const EVENT = "cams:verify-code-sent";

/**
 * When the last code for this number was requested, kept in sessionStorage so a reload neither
 * loses the code step nor lets the user send another SMS before the cooldown ends.
 */
export function useCodeCooldown(spaceId: string, phone: string) {
  const key = `cams:verify:${spaceId}:${phone}`;
  const raw = useSyncExternalStore(
    (cb) => {
      window.addEventListener(EVENT, cb);
      window.addEventListener("storage", cb);
      return () => {
        window.removeEventListener(EVENT, cb);
        window.removeEventListener("storage", cb);
      };
    },
    () => window.sessionStorage.getItem(key),
    () => null,
  );
  const sentAt = raw && /^\d+$/.test(raw) ? Number(raw) : null;
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (!sentAt) return;
    const tick = () => setNow(Date.now());
    const id = window.setInterval(tick, 1000);
    const first = window.setTimeout(tick, 0);
    return () => {
      window.clearInterval(id);
      window.clearTimeout(first);
    };
  }, [sentAt]);

  const markSent = useCallback(() => {
    window.sessionStorage.setItem(key, String(Date.now()));
    window.dispatchEvent(new Event(EVENT));
  }, [key]);
  const clear = useCallback(() => {
    window.sessionStorage.removeItem(key);
    window.dispatchEvent(new Event(EVENT));
  }, [key]);

  const remaining = sentAt ? Math.min(RESEND_COOLDOWN_S, Math.max(0, Math.ceil((sentAt + RESEND_COOLDOWN_S * 1000 - now) / 1000))) : 0;
  return { sentAt, remaining, markSent, clear };
}

/** "1 min 5 s", "12 s", "2 h 3 min": a duration in words the user reads at a glance. */
export function splitDuration(seconds: number): { h: number; m: number; s: number } {
  const total = Math.max(0, Math.ceil(seconds));
  return { h: Math.floor(total / 3600), m: Math.floor((total % 3600) / 60), s: total % 60 };
}

export function durationFormatter(t: (key: string, values: Record<string, number>) => string) {
  return (seconds: number) => {
    const { h, m, s } = splitDuration(seconds);
    if (h) return t("duration.hm", { h, m });
    if (m) return t("duration.ms", { m, s });
    return t("duration.s", { s });
  };
}

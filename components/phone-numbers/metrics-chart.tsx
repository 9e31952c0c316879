"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** Drawing only: the card around it owns the data, the labels and the accessible summary. */
export function MetricsChart({ points, sentLabel, deliveredLabel }: { points: { label: string; sent: number; delivered: number }[]; sentLabel: string; deliveredLabel: string }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" className="stroke-border" />
        <XAxis dataKey="label" tick={{ fontSize: 12 }} minTickGap={16} stroke="var(--muted-foreground)" />
        <YAxis tick={{ fontSize: 12 }} width={56} stroke="var(--muted-foreground)" allowDecimals={false} />
        <Tooltip contentStyle={{ background: "var(--popover)", color: "var(--popover-foreground)", border: "1px solid var(--border)", borderRadius: 6 }} />
        <Legend />
        <Line type="monotone" dataKey="sent" name={sentLabel} stroke="var(--chart-2)" strokeWidth={2} dot={false} isAnimationActive={false} />
        <Line type="monotone" dataKey="delivered" name={deliveredLabel} stroke="var(--chart-1)" strokeWidth={2} dot={false} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}

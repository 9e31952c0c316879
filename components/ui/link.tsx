"use client";

import NextLink from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

type Props = ComponentProps<typeof NextLink>;

/**
 * The app's link (lint keeps `next/link` to this file). Next prefetches every link that enters the
 * viewport: a phone list asked the server for about 35 routes on each load (every row's number and
 * history pages, every menu entry, twice), work for the server and the browser that nobody had
 * asked for. Here a route is prefetched when a person shows the intent to follow it — the pointer
 * on the link, keyboard focus, a touch — which comes a few hundred milliseconds before the click.
 * An explicit `prefetch` is Next's own behaviour.
 */
export default function Link({ prefetch, onMouseEnter, onFocus, onTouchStart, ...props }: Props) {
  const router = useRouter();
  if (prefetch !== undefined) return <NextLink prefetch={prefetch} onMouseEnter={onMouseEnter} onFocus={onFocus} onTouchStart={onTouchStart} {...props} />;
  const warm = () => {
    if (typeof props.href === "string") router.prefetch(props.href);
  };
  return (
    <NextLink
      {...props}
      prefetch={false}
      onMouseEnter={(e) => {
        onMouseEnter?.(e);
        warm();
      }}
      onFocus={(e) => {
        onFocus?.(e);
        warm();
      }}
      onTouchStart={(e) => {
        onTouchStart?.(e);
        warm();
      }}
    />
  );
}

"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { ThemeProvider } from "next-themes";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { useEffect, useState } from "react";
import { Toaster } from "@/components/ui/sonner";
import { HttpError, makeQueryClient } from "@/lib/query-client";
import { TooltipProvider } from "@/components/ui/tooltip";

export function Providers({ children, nonce }: { children: React.ReactNode; nonce?: string }) {
  // Marks the document once React has hydrated it: before then the server's buttons do nothing
  // when clicked. The e2e fixtures wait for it after every navigation (e2e/helpers/test.ts).
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  const [client] = useState(() => {
    const qc = makeQueryClient();
    // A 401 on any read means the session ended: go to sign-in instead of showing errors.
    qc.getQueryCache().config.onError = (err) => {
      if (err instanceof HttpError && err.status === 401) window.location.assign("/sign-in");
    };
    return qc;
  });
  return (
    <ThemeProvider nonce={nonce} attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange>
      <QueryClientProvider client={client}>
        {/* URL state (list search, filters, sort, page) goes through nuqs: one parser per key. */}
        <NuqsAdapter>
          <TooltipProvider delayDuration={300}>{children}</TooltipProvider>
        </NuqsAdapter>
        {/* Themed toasts: the rich colour set fails contrast for success text. */}
        {/* Bottom right: at the top they covered the header's user menu and its dropdown. */}
        <Toaster closeButton position="bottom-right" />
      </QueryClientProvider>
    </ThemeProvider>
  );
}

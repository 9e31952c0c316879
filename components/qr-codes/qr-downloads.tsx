"use client";

import { ChevronDown, Download } from "lucide-react";
import { useTranslations } from "next-intl";
import { QRCodeCanvas, QRCodeSVG } from "qrcode.react";
import { useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { PNG_SIZES } from "@/lib/schemas/qr-codes";
import { fileName, pngFile, saveBlob, svgFile } from "./download";
import { QR_LEVEL } from "./qr-visual";

type Job = { kind: "png"; size: number } | { kind: "svg" };

/** The SVG's nominal size; it is a vector, so any printer can scale it. */
const SVG_SIZE = 512;

/**
 * Download menu: PNG at 256/512/1024 px and SVG, made in the browser from the deep link. The QR for
 * a download is rendered off-screen only while it is being saved (a 1024 px canvas per card would
 * cost memory for nothing), with the 4-module quiet zone the QR specification asks for.
 */
export function QrDownloads({ value, code, size = "sm" }: { value: string | null; code: string; size?: "sm" | "default" }) {
  const t = useTranslations("qrCodes.download");
  const [job, setJob] = useState<Job | null>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);

  useEffect(() => {
    if (!job) return;
    let cancelled = false;
    // Child effects (qrcode.react draws in one) have run before this one: the canvas is ready.
    const make = job.kind === "png" ? pngFile(canvasRef.current!, job.size) : Promise.resolve(svgFile(svgRef.current!, SVG_SIZE));
    make
      .then((blob) => {
        if (!cancelled) saveBlob(blob, fileName(code, job.kind, job.kind === "png" ? job.size : undefined));
      })
      .catch(() => toast.error(t("failed")))
      .finally(() => setJob(null));
    return () => {
      cancelled = true;
    };
  }, [job, code, t]);

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="outline" size={size} disabled={!value || job !== null} aria-label={t("menuLabel", { code })}>
            <Download aria-hidden="true" />
            {t("button")}
            <ChevronDown aria-hidden="true" className="opacity-60" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start">
          <DropdownMenuLabel>{t("png")}</DropdownMenuLabel>
          {PNG_SIZES.map((px) => (
            <DropdownMenuItem key={px} onSelect={() => setJob({ kind: "png", size: px })}>
              {t("pngSize", { size: px })}
            </DropdownMenuItem>
          ))}
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => setJob({ kind: "svg" })}>{t("svg")}</DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      {value && job ? (
        <div hidden aria-hidden="true">
          {job.kind === "png" ? (
            <QRCodeCanvas ref={canvasRef} value={value} size={job.size} level={QR_LEVEL} marginSize={4} />
          ) : (
            <QRCodeSVG ref={svgRef} value={value} size={SVG_SIZE} level={QR_LEVEL} marginSize={4} title={value} />
          )}
        </div>
      ) : null}
    </>
  );
}

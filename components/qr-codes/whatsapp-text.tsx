import { Fragment } from "react";
import { parseWhatsApp, type WaNode } from "@/lib/whatsapp-format";

function render(nodes: WaNode[]): React.ReactNode {
  return nodes.map((n, i) => {
    switch (n.kind) {
      case "text":
        return <Fragment key={i}>{n.text}</Fragment>;
      case "mono":
        return (
          <code key={i} className="font-mono text-[0.92em]">
            {n.text}
          </code>
        );
      case "bold":
        return <strong key={i}>{render(n.children)}</strong>;
      case "italic":
        return <em key={i}>{render(n.children)}</em>;
      case "strike":
        return <s key={i}>{render(n.children)}</s>;
    }
  });
}

/** A message with WhatsApp's formatting shown as WhatsApp shows it; text stays text (no HTML is parsed). */
export function WhatsAppText({ text }: { text: string }) {
  return <>{render(parseWhatsApp(text))}</>;
}

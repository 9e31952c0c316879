import * as React from "react";

import { cn } from "@/lib/utils";

type TitledSectionProps = Omit<React.ComponentProps<"section">, "title"> & {
  /** The heading's id: the section is labelled by it. */
  id: string;
  title: React.ReactNode;
  description?: React.ReactNode;
  /** A tab's section is an `<h2>`; a part of a form inside one, an `<h3>`. */
  level?: 2 | 3;
};

/** A section under a heading of its own and a line saying what it is for, labelled by that heading. */
function TitledSection({ id, title, description, level = 2, className, children, ...props }: TitledSectionProps) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section className={cn(level === 2 ? "space-y-4" : "space-y-3", className)} aria-labelledby={id} {...props}>
      <div>
        <Heading id={id} className={level === 2 ? "text-lg font-semibold" : "font-medium"}>
          {title}
        </Heading>
        {description ? <p className="text-sm text-muted-foreground">{description}</p> : null}
      </div>
      {children}
    </section>
  );
}

export { TitledSection, type TitledSectionProps };

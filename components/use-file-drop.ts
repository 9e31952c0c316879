"use client";

import { useState, type DragEvent } from "react";

/**
 * A drop zone for one file: spread `dropProps` on the element; `over` is true while a file is
 * dragged over it (for the highlight), and `onFile` gets the dropped file (or undefined).
 */
export function useFileDrop(onFile: (file: File | undefined) => unknown) {
  const [over, setOver] = useState(false);
  const dropProps = {
    onDragOver: (e: DragEvent) => {
      e.preventDefault();
      setOver(true);
    },
    onDragLeave: () => setOver(false),
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      setOver(false);
      void onFile(e.dataTransfer.files[0]);
    },
  };
  return { over, dropProps };
}

// @vitest-environment happy-dom
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useLazyDialog } from "./use-lazy-dialog";

describe("a dialog loaded when first wanted", () => {
  it("fetches its code when the button is hovered or focused, before any click, and stays closed", () => {
    let loads = 0;
    const { result } = renderHook(() => useLazyDialog(() => loads++));
    expect(result.current.wanted).toBe(false);
    act(() => result.current.triggerProps.onPointerEnter());
    act(() => result.current.triggerProps.onFocus());
    expect(loads).toBe(2);
    expect(result.current.wanted).toBe(false);
    expect(result.current.open).toBe(false);
    expect(result.current.triggerProps["aria-expanded"]).toBe(false);
  });

  it("opens on the click and stays mounted after closing, so closing plays out and reopening is at once", () => {
    const { result } = renderHook(() => useLazyDialog(() => undefined));
    act(() => result.current.triggerProps.onClick());
    expect(result.current).toMatchObject({ wanted: true, open: true });
    expect(result.current.triggerProps["aria-expanded"]).toBe(true);
    expect(result.current.triggerProps["aria-haspopup"]).toBe("dialog");
    act(() => result.current.setOpen(false));
    expect(result.current).toMatchObject({ wanted: true, open: false });
    // `show` (a keyboard shortcut's way in) opens it as the click does.
    act(() => result.current.show());
    expect(result.current.open).toBe(true);
  });

  it("hands the same ref to the button and to the dialog, for focus to go back to", () => {
    const { result } = renderHook(() => useLazyDialog(() => undefined));
    expect(result.current.triggerProps.ref).toBe(result.current.trigger);
  });
});

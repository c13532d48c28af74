import { describe, expect, it } from "vitest";
import { fieldKeyAction, globalShortcut, isTextEntry, modLabel } from "./keys";
import { splitPath } from "./path";

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe("field keys", () => {
  it("saves the name on Enter", () => {
    expect(fieldKeyAction("input", key("Enter"))).toBe("commit");
  });

  it("keeps Enter as a new line in text areas and saves on Ctrl+Enter or Cmd+Enter", () => {
    expect(fieldKeyAction("textarea", key("Enter"))).toBeNull();
    expect(fieldKeyAction("textarea", key("Enter", { ctrlKey: true }))).toBe("commit");
    expect(fieldKeyAction("textarea", key("Enter", { metaKey: true }))).toBe("commit");
  });

  it("reverts any field on Escape", () => {
    expect(fieldKeyAction("input", key("Escape"))).toBe("revert");
    expect(fieldKeyAction("textarea", key("Escape"))).toBe("revert");
  });

  it("ignores ordinary typing", () => {
    expect(fieldKeyAction("input", key("a"))).toBeNull();
  });
});

describe("global shortcuts", () => {
  it("undoes on Ctrl+Z and Cmd+Z, redoes on Ctrl+Shift+Z and Ctrl+Y", () => {
    expect(globalShortcut(key("z", { ctrlKey: true }), false)).toBe("undo");
    expect(globalShortcut(key("z", { metaKey: true }), false)).toBe("undo");
    expect(globalShortcut(key("Z", { ctrlKey: true, shiftKey: true }), false)).toBe("redo");
    expect(globalShortcut(key("y", { ctrlKey: true }), false)).toBe("redo");
  });

  it("leaves Ctrl+Z to the text field that has focus", () => {
    expect(globalShortcut(key("z", { ctrlKey: true }), true)).toBeNull();
    expect(globalShortcut(key("?", { shiftKey: true }), true)).toBeNull();
  });

  it("opens help on '?'", () => {
    expect(globalShortcut(key("?", { shiftKey: true }), false)).toBe("help");
  });

  it("knows which elements take typed text", () => {
    expect(isTextEntry({ tagName: "INPUT", type: "text" })).toBe(true);
    expect(isTextEntry({ tagName: "TEXTAREA" })).toBe(true);
    expect(isTextEntry({ tagName: "INPUT", type: "checkbox" })).toBe(false);
    expect(isTextEntry({ tagName: "SELECT" })).toBe(false);
    expect(isTextEntry({ tagName: "DIV", isContentEditable: true })).toBe(true);
    expect(isTextEntry(null)).toBe(false);
  });

  it("names the modifier key per platform", () => {
    expect(modLabel("MacIntel")).toBe("⌘");
    expect(modLabel("Linux x86_64")).toBe("Ctrl");
  });
});

describe("splitPath", () => {
  it("splits folder and file name on either separator", () => {
    expect(splitPath("/home/pm/.local/share/lodestar/workspace.lodestar")).toEqual({
      dir: "/home/pm/.local/share/lodestar/",
      file: "workspace.lodestar",
    });
    expect(splitPath("C:\\Users\\pm\\acme.lodestar")).toEqual({ dir: "C:\\Users\\pm\\", file: "acme.lodestar" });
    expect(splitPath("acme.lodestar")).toEqual({ dir: "", file: "acme.lodestar" });
  });
});

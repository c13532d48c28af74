import { describe, expect, it } from "vitest";
import { buildTree, descendantsOf, flatten } from "./tree";

const o = (id: string, parent: string | null) => ({ id, parent });

describe("alignment tree", () => {
  it("nests by parent and keeps sibling order", () => {
    const tree = buildTree([o("a", null), o("b", "a"), o("c", "a"), o("d", "b")]);
    expect(tree.map((n) => n.item.id)).toEqual(["a"]);
    expect(tree[0].children.map((n) => n.item.id)).toEqual(["b", "c"]);
    expect(flatten(tree).map((n) => `${n.item.id}${n.depth}`)).toEqual(["a0", "b1", "d2", "c1"]);
  });

  it("treats unknown parents as roots", () => {
    expect(buildTree([o("a", "gone"), o("b", null)]).map((n) => n.item.id)).toEqual(["a", "b"]);
  });

  it("survives a parent loop, listing each item once", () => {
    const flat = flatten(buildTree([o("a", "b"), o("b", "a"), o("c", "c")]));
    expect(flat.map((n) => n.item.id).sort()).toEqual(["a", "b", "c"]);
  });

  it("finds descendants (not allowed as a parent)", () => {
    expect([...descendantsOf([o("a", null), o("b", "a"), o("d", "b"), o("c", null)], "a")].sort()).toEqual(["a", "b", "d"]);
  });
});

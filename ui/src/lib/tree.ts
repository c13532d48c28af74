// The alignment tree, built from parent ids (the core supplies each node's rolled-up progress).

export type TreeNode<T> = { item: T; depth: number; children: TreeNode<T>[] };

/** Nests items under their parents, keeping the input order among siblings.
 *  An item whose parent is unknown is a root; items caught in a parent loop become roots
 *  (each item appears exactly once). */
export function buildTree<T extends { id: string; parent: string | null }>(items: readonly T[]): TreeNode<T>[] {
  const ids = new Set(items.map((i) => i.id));
  const children = new Map<string, T[]>();
  for (const it of items) {
    if (it.parent !== null && ids.has(it.parent) && it.parent !== it.id) {
      const list = children.get(it.parent) ?? [];
      list.push(it);
      children.set(it.parent, list);
    }
  }
  const seen = new Set<string>();
  const grow = (item: T, depth: number): TreeNode<T> => {
    seen.add(item.id);
    const kids = (children.get(item.id) ?? []).filter((c) => !seen.has(c.id));
    return { item, depth, children: kids.map((c) => grow(c, depth + 1)) };
  };
  const roots: TreeNode<T>[] = [];
  for (const it of items) {
    const isRoot = it.parent === null || !ids.has(it.parent) || it.parent === it.id;
    if (isRoot && !seen.has(it.id)) roots.push(grow(it, 0));
  }
  for (const it of items) if (!seen.has(it.id)) roots.push(grow(it, 0));
  return roots;
}

/** The tree flattened depth-first (for keyboard order and rendering as one list). */
export function flatten<T>(nodes: readonly TreeNode<T>[]): TreeNode<T>[] {
  const out: TreeNode<T>[] = [];
  const walk = (n: TreeNode<T>) => {
    out.push(n);
    n.children.forEach(walk);
  };
  nodes.forEach(walk);
  return out;
}

/** Ids of `id` and everything below it (an objective cannot be its own ancestor). */
export function descendantsOf<T extends { id: string; parent: string | null }>(items: readonly T[], id: string): Set<string> {
  const out = new Set<string>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const it of items) {
      if (it.parent !== null && out.has(it.parent) && !out.has(it.id)) {
        out.add(it.id);
        grew = true;
      }
    }
  }
  return out;
}

/** Splits a workspace path into its folder and file name (either separator). */
export function splitPath(path: string): { dir: string; file: string } {
  const i = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  if (i < 0) return { dir: "", file: path };
  return { dir: path.slice(0, i + 1), file: path.slice(i + 1) };
}

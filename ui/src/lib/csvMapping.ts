// The mapping step of a roadmap-items CSV import: which column each Lodestar field is read
// from, and which status or kind each of the file's values becomes. The core detects a
// mapping and does all the reading; the dialog only edits the mapping and asks again.
// The last mapping confirmed for a tool (Jira, Linear, …) is remembered on this computer
// and used for the next file from that tool when the file has the columns it names.
import type { CsvSource } from "./api/types/CsvSource";
import type { ItemMapping } from "./api/types/ItemMapping";

/** The fields read from a column, in the order the dialog lists them. */
export const MAPPED_FIELDS = [
  { field: "title", label: "Title" },
  { field: "lane", label: "Lane" },
  { field: "start", label: "Start" },
  { field: "end", label: "End" },
  { field: "status", label: "Status" },
  { field: "kind", label: "Kind" },
  { field: "key", label: "Key" },
] as const satisfies readonly { field: keyof ItemMapping; label: string }[];

export type MappedField = (typeof MAPPED_FIELDS)[number]["field"];

export const SOURCE_LABELS: Record<CsvSource, string> = {
  lodestar: "a Lodestar items export",
  jira: "a Jira export",
  linear: "a Linear export",
  plane: "a Plane export",
  asana: "an Asana export",
  github_projects: "a GitHub Projects export",
  productplan: "a ProductPlan export",
  aha: "an Aha! export",
  productboard: "a Productboard export",
  spreadsheet: "a spreadsheet",
};

/** Points a field at a column ("" for none). Choosing a lane column drops the fixed lane. */
export function withColumn(m: ItemMapping, field: MappedField, column: string): ItemMapping {
  const next: ItemMapping = { ...m, [field]: column === "" ? null : column };
  if (field === "lane" && column !== "") next.fixed_lane = null;
  return next;
}

/** Every row in one lane, by name (an existing lane or a new one). */
export function withFixedLane(m: ItemMapping, name: string): ItemMapping {
  return { ...m, lane: null, fixed_lane: name };
}

const key = (source: CsvSource) => `lodestar.csv-mapping.${source}`;

type Storage = Pick<globalThis.Storage, "getItem" | "setItem">;

/** The mapping last confirmed for files from `source`, when this file has every column it names. */
export function rememberedMapping(storage: Storage | null, source: CsvSource, columns: readonly string[]): ItemMapping | null {
  const text = storage?.getItem(key(source));
  if (!text) return null;
  try {
    const m = JSON.parse(text) as ItemMapping;
    const named = MAPPED_FIELDS.map(({ field }) => m[field]).filter((c): c is string => typeof c === "string");
    return named.every((c) => columns.includes(c)) ? m : null;
  } catch {
    return null;
  }
}

export function rememberMapping(storage: Storage | null, source: CsvSource, m: ItemMapping): void {
  try {
    storage?.setItem(key(source), JSON.stringify(m));
  } catch {
    // A full or disabled storage only loses the convenience.
  }
}

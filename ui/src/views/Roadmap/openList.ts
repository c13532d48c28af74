/** The one popover open in the Roadmap's toolbar or summary (none: null). */
export type OpenList = "conflicts" | "slips" | "lanes" | "baseline" | null;

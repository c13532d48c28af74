// uPlot builds an Intl.NumberFormat from navigator.language when it loads; WebKit throws on
// a POSIX locale such as "C" (LANG=C), which would stop the whole app from starting. Import
// this module before "uplot": it replaces an unusable language with "en-US" (our formats
// are en-US anyway; see format.ts).
export function usableLanguage(lang: string | undefined): boolean {
  if (!lang) return false;
  try {
    new Intl.NumberFormat(lang);
    return true;
  } catch {
    return false;
  }
}

if (typeof navigator !== "undefined" && !usableLanguage(navigator.language)) {
  try {
    Object.defineProperty(navigator, "language", { value: "en-US", configurable: true });
  } catch {
    // nothing more we can do; uPlot will throw
  }
}

// The harness's handle: `window.__lodestarRoadmap.ready` is a promise resolved once the
// timeline's first window is in the DOM (the next frame paints it), then `true`.
declare global {
  interface Window {
    __lodestarRoadmap?: { ready: Promise<void> | boolean; resolve?: () => void };
  }
}

/** Arms a fresh "ready" promise (a new Roadmap view mounted). */
export function armReady(): void {
  if (typeof window === "undefined") return;
  let resolve: () => void = () => {};
  const ready = new Promise<void>((r) => (resolve = r));
  const handle: { ready: Promise<void> | boolean; resolve?: () => void } = { ready };
  handle.resolve = () => {
    resolve();
    handle.ready = true;
    handle.resolve = undefined;
  };
  window.__lodestarRoadmap = handle;
}

export {};

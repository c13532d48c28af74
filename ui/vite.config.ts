import { defineConfig } from "vitest/config";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// Tauri serves ui/dist from its own origin; the dev server is only used with `tauri dev`.
export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  // The dev server may also serve the bundled font files, which live beside the core (assets/fonts).
  server: { port: 5173, strictPort: true, fs: { allow: [".", "../assets/fonts"] } },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // No inline scripts or data: fonts — CSP is `script-src 'self'; font-src 'self'`.
    assetsInlineLimit: 0,
  },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});

// Builds the graph browser (index.html) and the GraphiQL IDE (graphiql/index.html) into
// api/static/, which the Python package ships, so a pip install needs no Node.js.
import { resolve } from "node:path";
import { defineConfig } from "vite";

export default defineConfig({
  root: __dirname,
  // Absolute: the app serves api/static/ at the site root, GraphiQL at /graphiql.
  base: "/",
  esbuild: { jsx: "automatic" },
  build: {
    outDir: resolve(__dirname, "../api/static"),
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 4096,
    sourcemap: false,
    rollupOptions: {
      // React libraries mark modules "use client"; meaningless in a bundle, so not worth a warning.
      onwarn(warning, warn) {
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
      },
      input: {
        main: resolve(__dirname, "index.html"),
        graphiql: resolve(__dirname, "graphiql/index.html"),
      },
    },
  },
  worker: { format: "es" },
});

// ESLint over the page's own JavaScript (visualisations/static/*.js), run by `make lint`. The
// script runs in a browser as a classic script, inlined after vis-network (the global `vis`).
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["**/*.js"],
    languageOptions: {
      sourceType: "script",
      globals: { ...globals.browser, vis: "readonly" },
    },
  },
];

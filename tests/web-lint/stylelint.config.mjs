// Stylelint over the page's and the report's CSS (visualisations/static/*.css), run by `make lint`.
export default {
  extends: ["stylelint-config-standard"],
  rules: {
    // The style sheets keep a short rule on one line, `selector { a: 1; b: 2; }`, on purpose,
    "declaration-block-single-line-max-declarations": null,
    // and pack their rules with no blank line between them, a long one wrapping onto a second line.
    "rule-empty-line-before": null,
    // `(max-width: 720px)` works in every browser; `(width <= 720px)` needs Safari 16.4 or later.
    "media-feature-range-notation": "prefix",
  },
};

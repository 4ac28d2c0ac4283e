/**
 * nhsuk-frontend's stylesheet declares its Frutiger web font with @font-face rules that load from
 * assets.nhs.uk. The portal uses no web font from another host (app/ui/app.css says what it uses
 * instead), so those rules are dropped as Vite bundles the CSS: left in, a browser would try them
 * and the CSP (font-src 'self') would refuse them, with an error on every page.
 */
const dropRemoteFontFaces = {
  postcssPlugin: "drop-remote-font-faces",
  AtRule: {
    "font-face": (rule) => {
      if (/url\(\s*["']?(https?:)?\/\//i.test(rule.toString())) rule.remove();
    },
  },
};

export default { plugins: [dropRemoteFontFaces] };

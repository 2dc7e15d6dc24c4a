/**
 * The Content Security Policy the built pages ship with, as a <meta> tag (and, for hosts that can, the same
 * policy as a header: see the README's hosting notes). Nothing in the build needs inline script or style: Lit
 * adopts constructed stylesheets, D3 and the engine set styles through CSSOM, and the CSS is a file. The dev
 * server is left without it, since Vite's dev client injects styles inline.
 */
import type { Plugin } from 'vite';

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'";

/** Pages that may fetch data from elsewhere: the iframe embed loads a chart's `src` from any https host. */
const CONNECT_ANYWHERE = ['embed.html'];

export function cspPlugin(): Plugin {
  return {
    name: 'frontlines-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const page = context.path.replace(/^\//, '');
        const policy = CONNECT_ANYWHERE.includes(page) ? `${CONTENT_SECURITY_POLICY}; connect-src 'self' https:` : CONTENT_SECURITY_POLICY;
        const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
        // After the charset (which must come first), before anything the policy governs.
        return /<meta charset[^>]*>/i.test(html)
          ? html.replace(/(<meta charset[^>]*>)/i, `$1\n    ${meta}`)
          : html.replace(/<head>/i, `<head>\n    ${meta}`);
      },
    },
  };
}

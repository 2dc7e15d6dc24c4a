/**
 * A share page per step, `s/<step-id>/index.html`: what a link preview reads (Open Graph and Twitter card tags: the
 * story's title, the step's chart sentence, the step's card as the image) and, for a reader who follows the link,
 * the way on to the step in the story (`/#<step-id>`), at once and as a link.
 *
 * Addresses are relative (the site works under any path) unless the build is told where the site lives
 * (FRONTLINES_SITE_URL, e.g. https://example.org/frontlines/): link previews want absolute image addresses.
 */
import { CARD } from './cards.ts';
import { escapeHtml } from '../charts/shared/escape.ts';

export interface SharePage {
  readonly stepId: string;
  readonly title: string;
  readonly kicker: string;
  /** The step's chart sentence. */
  readonly sentence: string;
  readonly source: string;
  /** Where the site lives, ending in '/', or '' for relative addresses. */
  readonly siteUrl: string;
}

/** The share page's path in the site, and its card's. */
export const sharePath = (stepId: string) => `s/${stepId}/index.html`;
export const cardPath = (stepId: string) => `s/${stepId}/card.png`;

export function sharePageHtml(page: SharePage): string {
  const { stepId, title, sentence, siteUrl } = page;
  // From s/<id>/ back to the site's root.
  const root = siteUrl || '../../';
  const story = `${root}#${stepId}`;
  const self = siteUrl ? `${siteUrl}s/${stepId}/` : './';
  const image = siteUrl ? `${siteUrl}${cardPath(stepId)}` : 'card.png';
  const alt = `${sentence} (${page.source})`;
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self'; base-uri 'none'; form-action 'none'" />
    <title>${escapeHtml(title)} | Frontlines</title>
    <meta name="description" content="${escapeHtml(sentence)}" />
    <link rel="canonical" href="${escapeHtml(self)}" />
    <meta property="og:type" content="article" />
    <meta property="og:site_name" content="Frontlines" />
    <meta property="og:title" content="${escapeHtml(title)}" />
    <meta property="og:description" content="${escapeHtml(sentence)}" />
    <meta property="og:url" content="${escapeHtml(self)}" />
    <meta property="og:image" content="${escapeHtml(image)}" />
    <meta property="og:image:type" content="image/png" />
    <meta property="og:image:width" content="${CARD.width}" />
    <meta property="og:image:height" content="${CARD.height}" />
    <meta property="og:image:alt" content="${escapeHtml(alt)}" />
    <meta name="twitter:card" content="summary_large_image" />
    <meta name="twitter:title" content="${escapeHtml(title)}" />
    <meta name="twitter:description" content="${escapeHtml(sentence)}" />
    <meta name="twitter:image" content="${escapeHtml(image)}" />
    <meta name="twitter:image:alt" content="${escapeHtml(alt)}" />
    <meta http-equiv="refresh" content="0; url=${escapeHtml(story)}" />
  </head>
  <body>
    <main>
      <p>${escapeHtml(page.kicker)}</p>
      <h1>${escapeHtml(title)}</h1>
      <p><a href="${escapeHtml(story)}">Read this step in the story</a></p>
      <p><img src="card.png" width="${CARD.width}" height="${CARD.height}" alt="${escapeHtml(alt)}" /></p>
    </main>
  </body>
</html>
`;
}

/**
 * One escape for text put into HTML or SVG markup, in an element's content or a quoted attribute value: the
 * characters that could end either (& < > " ') become numeric references. The build's pages, the presenter view
 * and the embed snippets all use it, so there is one rule for what is safe.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

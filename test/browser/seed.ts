/**
 * The article as the seed file has it, split into its parts. The seed is a copy from a blog that republished the
 * article: its first line is the blog's post title and its last lines (from "___") the blog's footer. Neither is
 * the author's, and the page prints neither as the article.
 */
export interface Seed {
  /** The article's own paragraphs (the lines with text), in order. */
  readonly paragraphs: string[];
  /** The republishing blog's post title. */
  readonly blogTitle: string;
  /** The blog's footer lines, "___" excluded. */
  readonly blogFooter: string[];
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

export async function readSeed(): Promise<Seed> {
  const lines = (await (await fetch('/test/fixtures/seed-article.txt')).text()).split('\n').map(normalise);
  const footerAt = lines.indexOf('___');
  const [blogTitle, ...body] = lines.slice(0, footerAt === -1 ? lines.length : footerAt).filter(Boolean);
  return {
    paragraphs: body,
    blogTitle: blogTitle!,
    blogFooter: footerAt === -1 ? [] : lines.slice(footerAt + 1).filter(Boolean),
  };
}

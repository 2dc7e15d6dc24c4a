/** Build errors that point at the line to fix: `story/article.md:88:1: unknown place "kstov" (known: ...)`. */

export interface Problem {
  /** Path relative to the project root, as an editor or terminal would link it. */
  readonly file: string;
  readonly line: number;
  /** 0 where only the line is known (a CSV row). */
  readonly column: number;
  readonly message: string;
}

export function formatProblem({ file, line, column, message }: Problem): string {
  return column > 0 ? `${file}:${line}:${column}: ${message}` : `${file}:${line}: ${message}`;
}

/** Thrown when the story cannot be built; the message lists every problem found, one per line. */
export class StoryError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    const lines = problems.map(formatProblem);
    super(`The story has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${lines.join('\n')}`);
    this.name = 'StoryError';
    this.problems = problems;
  }
}

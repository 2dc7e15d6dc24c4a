/**
 * Fits a block of text into its box by its type size: the largest whole-pixel size, between `min` and `max`, at
 * which the block's content is no taller or wider than the box (the box has a max-height and hides overflow, so
 * scrollHeight is the content and clientHeight the room). Measured, not estimated: the browser lays the text out
 * at each size tried, a binary search keeps that to a handful of layouts.
 */
export function fitText(box: HTMLElement, property: string, min: number, max: number): number {
  const fits = (size: number): boolean => {
    box.style.setProperty(property, `${size}px`);
    return box.scrollHeight <= box.clientHeight && box.scrollWidth <= box.clientWidth;
  };
  if (fits(max)) return max;
  let low = min;
  let high = max - 1;
  let best = min;
  while (low <= high) {
    const middle = Math.floor((low + high) / 2);
    if (fits(middle)) {
      best = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  box.style.setProperty(property, `${best}px`);
  return best;
}

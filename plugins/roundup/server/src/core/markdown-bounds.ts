import type MarkdownIt from 'markdown-it';

/** The offsets of every `]` of an inline source, found once per source. */
const closingBrackets = new WeakMap<object, number[]>();

/**
 * Makes `md` give up on a link label at once when no `]` follows before the
 * end of the inline source. markdown-it's own search rescans to the end from
 * every `[`, which is quadratic on a run of `[`; a label cannot end without a
 * `]`, so the answer is the same.
 */
export const boundLinkLabels = (md: MarkdownIt): MarkdownIt => {
  const parseLinkLabel = md.helpers.parseLinkLabel;
  md.helpers.parseLinkLabel = (state, start, disableNested) => {
    let closers = closingBrackets.get(state);
    if (!closers) {
      closers = [];
      for (let at = state.src.indexOf(']'); at >= 0; at = state.src.indexOf(']', at + 1))
        closers.push(at);
      closingBrackets.set(state, closers);
    }
    let low = 0;
    let high = closers.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (closers[mid] <= start) low = mid + 1;
      else high = mid;
    }
    if (low === closers.length || closers[low] >= state.posMax) return -1;
    return parseLinkLabel(state, start, disableNested);
  };
  return md;
};

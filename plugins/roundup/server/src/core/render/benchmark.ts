import { performance } from 'node:perf_hooks';
import type { Roundup } from '../model';
import { renderHtml, renderMarkdown, type RoundupRenderer } from './renderer';

export interface RenderTimings {
  /** Median milliseconds per rendering. */
  markdown: number;
  html: number;
}

const medianMs = (render: () => unknown, iterations: number): number => {
  for (let warmup = 0; warmup < 3; warmup += 1) render();
  const times: number[] = [];
  for (let run = 0; run < iterations; run += 1) {
    const start = performance.now();
    render();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const middle = times.length >> 1;
  return times.length % 2 ? times[middle] : (times[middle - 1] + times[middle]) / 2;
};

/** How long rendering `roundup` takes in-process, per format, over `iterations` runs. */
export const benchmarkRender = (
  roundup: Roundup,
  iterations = 30,
  renderer: Pick<RoundupRenderer, 'markdown' | 'html'> = {
    markdown: renderMarkdown,
    html: renderHtml,
  }
): RenderTimings => {
  const runs = Math.max(1, Math.floor(iterations));
  return {
    markdown: medianMs(() => renderer.markdown(roundup), runs),
    html: medianMs(() => renderer.html(roundup), runs),
  };
};

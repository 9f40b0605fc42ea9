/**
 * Peak memory of this process while the bench runs: the resident set size every 25 ms
 * (`process.memoryUsage.rss()` is cheap) and the heap every 250 ms (`process.memoryUsage()` walks
 * the heap spaces, about half a millisecond a call: at 25 ms it took 2 % of the intake's CPU).
 */
export interface PeakMemory {
  readonly rss: number;
  readonly heap: number;
}

export const samplePeakMemory = (): { sample(): void; stop(): PeakMemory } => {
  let rss = process.memoryUsage.rss();
  let heap = process.memoryUsage().heapUsed;
  const sampleRss = () => {
    rss = Math.max(rss, process.memoryUsage.rss());
  };
  const sampleHeap = () => {
    heap = Math.max(heap, process.memoryUsage().heapUsed);
  };
  const rssTimer = setInterval(sampleRss, 25);
  const heapTimer = setInterval(sampleHeap, 250);
  return {
    sample() {
      sampleRss();
      sampleHeap();
    },
    stop() {
      clearInterval(rssTimer);
      clearInterval(heapTimer);
      this.sample();
      return { rss, heap };
    },
  };
};

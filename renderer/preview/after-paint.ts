/**
 * Runs work right after the next frame is painted: a requestAnimationFrame
 * callback runs just before the paint, and a message posted from it is
 * delivered as the next task, after the paint. So the editor's own update
 * reaches the screen first and the preview follows in the next frame;
 * keystrokes arriving before then are coalesced into one run.
 */
export function createAfterPaint(run: () => void): { schedule(): void; cancel(): void; readonly pending: boolean } {
  const channel = new MessageChannel();
  let frame = 0;
  let posted = false;
  channel.port1.onmessage = () => {
    if (!posted) return;
    posted = false;
    run();
  };
  return {
    schedule() {
      if (frame || posted) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        posted = true;
        channel.port2.postMessage(null);
      });
    },
    cancel() {
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
      posted = false;
    },
    get pending() {
      return frame !== 0 || posted;
    },
  };
}

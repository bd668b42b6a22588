/**
 * Runs `task` as a background task: after input, frames and ordinary tasks
 * (`scheduler.postTask` at 'background' priority, in Chromium and so in
 * Electron), else as a timer. Unlike an idle callback it doesn't wait for
 * an idle period, which a page drawing frames may not have for seconds.
 */
interface PostTaskScheduler {
  postTask(task: () => void, options: { priority: 'background' }): Promise<unknown>;
}

export function runInBackground(task: () => void): void {
  const scheduler = (globalThis as { scheduler?: PostTaskScheduler }).scheduler;
  if (scheduler && typeof scheduler.postTask === 'function') void scheduler.postTask(task, { priority: 'background' });
  else setTimeout(task, 0);
}

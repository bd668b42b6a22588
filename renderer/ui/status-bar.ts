/** The status bar: the word count and a short-lived message. */
export interface StatusBar {
  setWordCount(words: number): void;
  flash(message: string): void;
}

export function createStatusBar(root: Document = document): StatusBar {
  const words = root.getElementById('word-count')!;
  const message = root.getElementById('status-message')!;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const format = new Intl.NumberFormat();
  return {
    setWordCount(count) {
      words.textContent = `${format.format(count)} ${count === 1 ? 'word' : 'words'}`;
    },
    flash(text) {
      message.textContent = text;
      clearTimeout(timer);
      timer = setTimeout(() => (message.textContent = ''), 4000);
    },
  };
}
